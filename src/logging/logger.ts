import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines for machines; pretty output only when a person is watching a terminal. */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  return pino({
    level,
    base: { service: 'parley' },
    // Card and ID numbers never reach logs; phone numbers may (they are needed to trace a contact).
    redact: { paths: ['*.authToken', '*.apiKey', '*.password', 'req.headers.authorization'], censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } }
      : {}),
  });
}
