import { Presets, SingleBar } from 'cli-progress';

// A long batch shows its progress on stderr, so stdout stays the report (and --json stays JSON).
// Only a person at a terminal sees a bar: CI logs and pipes get nothing redrawn.

export interface ProgressBar {
  increment(): void;
  stop(): void;
}

export function progressBar(label: string, total: number): ProgressBar {
  if (!process.stderr.isTTY || total === 0) return { increment() {}, stop() {} };
  const bar = new SingleBar({ format: `${label} {bar} {value}/{total}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { increment: () => bar.increment(), stop: () => bar.stop() };
}
