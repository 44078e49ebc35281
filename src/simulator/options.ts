import type { PersonaInput } from './personas/persona-schema';
import type { HttpMethod } from './webhooks/webhook-sender';

export interface SimulatorAccount {
  sid: string;
  authToken: string;
}

/** A number the service "owns" on Twilio, with its incoming-call and incoming-message webhooks. */
export interface ServicePhoneNumber {
  phoneNumber: string;
  smsUrl?: string;
  smsMethod?: HttpMethod;
  voiceUrl?: string;
  voiceMethod?: HttpMethod;
  /** Defaults to the first account. */
  accountSid?: string;
}

/**
 * Why Twilio refuses a destination. SMS: unsubscribed and blocklisted answer 21610, not-mobile
 * 21614, geo-permission 21408. Calls: geo-permission answers 21215, blocklisted 21216; the others
 * only concern SMS.
 */
export type BlockReason = 'unsubscribed' | 'not-mobile' | 'geo-permission' | 'blocklisted';

export interface BlockedNumber {
  /** An exact E.164 number, or a prefix ending in "*" ("+86*"). */
  phone: string;
  reason: BlockReason;
}

/** How the far end of a <Dial> or the agent serving an <Enqueue> behaves. */
export interface DialAgentBehaviour {
  outcome: 'answer' | 'no-answer' | 'busy' | 'fail';
  ringSeconds: number;
  talkSeconds: number;
}

export interface SimulatorLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface TwilioSimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  accounts: readonly SimulatorAccount[];
  phoneNumbers?: readonly ServicePhoneNumber[];
  /** Multiplies every simulated wait: 1 is real time, 0 runs as fast as possible (tests). */
  delayScale?: number;
  /**
   * New calls per second per account before Twilio answers 429 (code 20429). Twilio accounts
   * start at 1 CPS.
   */
  callsPerSecond?: number;
  webhookTimeoutMs?: number;
  webhookRetries?: number;
  /**
   * Sends every webhook this many times at once (default 1), as Twilio may deliver one twice: a
   * fault run checks the service acts once on each. The simulator acts on the first copy's answer.
   */
  webhookRepeat?: number;
  blockedNumbers?: readonly BlockedNumber[];
  /** Directory of persona files (YAML or JSON); none are loaded when unset. */
  personaDir?: string;
  /** Who "answers" numbers no persona was assigned to: a library persona name or a persona. */
  unknownNumberPersona?: string | PersonaInput;
  /** Default far end of <Dial> and <Enqueue>; per-target behaviour is set at run time. */
  dialAgent?: Partial<DialAgentBehaviour>;
  /** Receives one line per notable event (no message bodies, no speech: phone numbers at most). */
  logger?: SimulatorLogger;
}

export interface ResolvedSimulatorOptions {
  port: number;
  host: string;
  accounts: readonly SimulatorAccount[];
  phoneNumbers: readonly ServicePhoneNumber[];
  delayScale: number;
  callsPerSecond: number;
  webhookTimeoutMs: number;
  webhookRetries: number;
  webhookRepeat: number;
  blockedNumbers: readonly BlockedNumber[];
  personaDir: string | undefined;
  unknownNumberPersona: string | PersonaInput;
  dialAgent: DialAgentBehaviour;
  logger: SimulatorLogger | undefined;
}

export function resolveOptions(options: TwilioSimulatorOptions): ResolvedSimulatorOptions {
  if (options.accounts.length === 0) throw new Error('The Twilio simulator needs at least one account');
  for (const account of options.accounts) {
    if (!/^AC[0-9a-f]{32}$/i.test(account.sid)) throw new Error(`Account SID "${account.sid}" is not AC + 32 hex digits`);
  }
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    accounts: options.accounts,
    phoneNumbers: options.phoneNumbers ?? [],
    delayScale: options.delayScale ?? 1,
    callsPerSecond: options.callsPerSecond ?? 1,
    // Twilio's default read timeout for voice and messaging webhooks.
    webhookTimeoutMs: options.webhookTimeoutMs ?? 15_000,
    // Twilio's default retry count (connection overrides "rc").
    webhookRetries: options.webhookRetries ?? 1,
    webhookRepeat: Math.max(1, Math.floor(options.webhookRepeat ?? 1)),
    blockedNumbers: options.blockedNumbers ?? [],
    personaDir: options.personaDir,
    unknownNumberPersona: options.unknownNumberPersona ?? {
      description: 'A number nobody was assigned to: it rings out.',
      answers: 'nobody',
    },
    dialAgent: { outcome: 'answer', ringSeconds: 5, talkSeconds: 60, ...options.dialAgent },
    logger: options.logger,
  };
}
