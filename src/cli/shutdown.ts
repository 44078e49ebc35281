import type { Logger } from '../logging/logger';

// A wrapper (npm, a shell) may relay the Ctrl-C the terminal already delivered to the whole process
// group; a repeat this soon after the first is that echo, not the user pressing Ctrl-C again.
const ECHO_WINDOW_MS = 1000;

/** Runs `close` once on the first SIGINT/SIGTERM; a second signal exits at once. */
export function onShutdownSignal(logger: Logger, close: () => Promise<void>): void {
  let closingSince: number | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (closingSince !== undefined) {
      if (Date.now() - closingSince < ECHO_WINDOW_MS) return;
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    closingSince = Date.now();
    logger.info(`${signal} received: shutting down`);
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
