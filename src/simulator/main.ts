/**
 * Runs the Twilio simulator on its own (to be wired as `parley sim`). Environment:
 *
 *   SIM_PORT                    port to listen on (default 4010; 0 = any free port)
 *   SIM_HOST                    interface (default 127.0.0.1)
 *   SIM_ACCOUNT_SID             account SID the service authenticates with (AC + 32 hex; required)
 *   SIM_AUTH_TOKEN              its auth token; also signs the webhooks (required)
 *   SIM_PHONE_NUMBERS           the service's numbers and their SMS webhooks:
 *                               "+15550001111=http://127.0.0.1:3000/twilio/sms,+15550002222=..."
 *   SIM_PEOPLE                  initial persona assignments: "+15551230001=cooperative-payer,..."
 *   SIM_PERSONA_DIR             persona library directory (default ./personas)
 *   SIM_UNKNOWN_NUMBER_PERSONA  persona for unassigned numbers (default: nobody answers)
 *   SIM_DELAY_SCALE             1 = real time (default), 0 = no waiting
 *   SIM_CALLS_PER_SECOND        calls per second before 429 / 20429 (default 1, as Twilio)
 *   SIM_WEBHOOK_TIMEOUT_MS      webhook timeout (default 15000, as Twilio)
 *   SIM_WEBHOOK_RETRIES         retries of failed webhooks (default 1)
 *   SIM_WEBHOOK_REPEAT          copies of every webhook sent at once (default 1; 3 in a fault run)
 *   SIM_BLOCKED_NUMBERS         "+8613*=geo-permission,+15551230009=unsubscribed" (reasons:
 *                               unsubscribed, not-mobile, geo-permission, blocklisted)
 */
import { resolve } from 'node:path';
import pino from 'pino';
import { startTwilioSimulator } from './index';
import type { BlockReason } from './options';

const env = process.env;
const logger = pino({ name: 'twilio-simulator' });

/** "key=value,key=value" into pairs. */
function pairs(text: string | undefined): Array<[string, string]> {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf('=');
      if (at < 1) throw new Error(`expected key=value, got "${item}"`);
      return [item.slice(0, at), item.slice(at + 1)];
    });
}

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function optionalNumber(name: string): number | undefined {
  return env[name] === undefined ? undefined : Number(env[name]);
}

async function main(): Promise<void> {
  const simulator = await startTwilioSimulator({
    port: optionalNumber('SIM_PORT') ?? 4010,
    host: env.SIM_HOST,
    accounts: [{ sid: required('SIM_ACCOUNT_SID'), authToken: required('SIM_AUTH_TOKEN') }],
    phoneNumbers: pairs(env.SIM_PHONE_NUMBERS).map(([phoneNumber, smsUrl]) => ({ phoneNumber, smsUrl })),
    personaDir: resolve(env.SIM_PERSONA_DIR ?? 'personas'),
    unknownNumberPersona: env.SIM_UNKNOWN_NUMBER_PERSONA,
    delayScale: optionalNumber('SIM_DELAY_SCALE'),
    callsPerSecond: optionalNumber('SIM_CALLS_PER_SECOND'),
    webhookTimeoutMs: optionalNumber('SIM_WEBHOOK_TIMEOUT_MS'),
    webhookRetries: optionalNumber('SIM_WEBHOOK_RETRIES'),
    webhookRepeat: optionalNumber('SIM_WEBHOOK_REPEAT'),
    blockedNumbers: pairs(env.SIM_BLOCKED_NUMBERS).map(([phone, reason]) => ({ phone, reason: reason as BlockReason })),
    logger,
  });
  for (const [phone, persona] of pairs(env.SIM_PEOPLE)) simulator.people.assign(phone, persona);
  logger.info({ url: simulator.url }, 'Twilio simulator listening');
  const stop = () => {
    simulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Twilio simulator failed to start');
  process.exit(1);
});
