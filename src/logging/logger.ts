import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Pretty lines instead of JSON; by default only when a person is watching a terminal. */
  pretty?: boolean;
  /**
   * Every line to this file (JSON) and only warnings and worse to the terminal: for `parley dev`,
   * whose terminal tells the demo's story.
   */
  file?: string;
}

/** JSON lines for machines; pretty output only when a person is watching a terminal. */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  const settings = {
    level,
    base: { service: 'parley' },
    // Card and ID numbers never reach logs; phone numbers may (they are needed to trace a contact).
    redact: { paths: ['*.authToken', '*.apiKey', '*.password', 'req.headers.authorization'], censor: '[redacted]' },
  };
  const prettyOptions = { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' };
  if (options.file) {
    const terminal = pretty ? pino.transport({ target: 'pino-pretty', options: prettyOptions }) : process.stdout;
    return pino(
      settings,
      pino.multistream([
        { level: level as pino.Level, stream: pino.destination({ dest: options.file, mkdir: true, sync: false }) },
        { level: 'warn', stream: terminal },
      ]),
    );
  }
  return pino({ ...settings, ...(pretty ? { transport: { target: 'pino-pretty', options: prettyOptions } } : {}) });
}
