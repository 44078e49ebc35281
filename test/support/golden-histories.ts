import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { PayloadCodec } from '@temporalio/common';
import { EncryptionCodec } from '../../src/temporal/codec/encryption-codec';
import { keyRingFromFile } from '../../src/temporal/codec/key-ring';
import { readHistoryFile } from '../../src/temporal/history-files';
import type { ReplayItem } from '../../src/temporal/history-replay';

// The golden histories under test/golden-histories, encrypted as the service's histories are, with
// a test key committed beside them (test/golden-histories/README.md).

export const goldenDir = path.resolve(__dirname, '../golden-histories');

export function goldenCodecs(): PayloadCodec[] {
  return [new EncryptionCodec(keyRingFromFile(path.join(goldenDir, 'payload-key.txt')))];
}

/** The file names of every golden history, in order. */
export function goldenFiles(): string[] {
  return readdirSync(goldenDir)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

/** A golden history by its name (its file without .json), as `audit replay` reads a file. */
export function readGolden(name: string): ReturnType<typeof readHistoryFile> {
  return readHistoryFile({ file: path.join(goldenDir, `${name}.json`) });
}

/** Golden histories as `audit replay` takes them, by file name. */
export function goldenReplayItems(files: readonly string[] = goldenFiles()): ReplayItem[] {
  return files.map((file) => ({ source: file, runs: async () => [readHistoryFile({ file: path.join(goldenDir, file) })] }));
}
