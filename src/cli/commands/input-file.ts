import { stat } from 'node:fs/promises';
import path from 'node:path';

/** The file's size, or undefined after saying why it cannot be read (bad input: exit code 2). */
export async function inputFileSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    if (info.isFile()) return info.size;
    process.stderr.write(`parley: ${file} is not a file\n`);
  } catch (err) {
    process.stderr.write(`parley: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
  }
  return undefined;
}

export function extensionOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}
