import pino, { type Logger } from 'pino';
import { redactLogLine, withoutWords } from './log-redaction';

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
    redact: { paths: ['*.authToken', '*.apiKey', '*.password', 'req.headers.authorization'], censor: '[redacted]' },
    // A person's words never reach logs, nor their identifiers; a phone number keeps its last 2
    // digits, enough to tell two contacts apart in one trace (log-redaction.ts).
    formatters: { log: withoutWords },
    hooks: { streamWrite: redactLogLine },
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
