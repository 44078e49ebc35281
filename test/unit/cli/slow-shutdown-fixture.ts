// A process whose shutdown takes 1.5 s, for shutdown.test.ts: prints "ready", then "closed" if it got to finish.
import { createLogger } from '../../../src/logging/logger';
import { onShutdownSignal } from '../../../src/cli/shutdown';

onShutdownSignal(createLogger('silent'), async () => {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  process.stdout.write('closed\n');
});
setInterval(() => undefined, 60_000);
process.stdout.write('ready\n');
