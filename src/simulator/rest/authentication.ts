import { timingSafeEqual } from 'node:crypto';
import type { SimulatorAccount } from '../options';
import { twilioErrors } from '../twilio-errors';

/**
 * HTTP basic auth as Twilio's REST API takes it: account SID as user, auth token as password.
 * The account in the URL must be the one authenticated.
 */
export function authenticate(
  accounts: readonly SimulatorAccount[],
  authorization: string | undefined,
  pathAccountSid: string,
): SimulatorAccount {
  const [scheme, encoded] = (authorization ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) throw twilioErrors.authenticate();
  const decoded = Buffer.from(encoded, 'base64').toString('utf-8');
  const separator = decoded.indexOf(':');
  const [user, password] = [decoded.slice(0, separator), decoded.slice(separator + 1)];
  const account = accounts.find((a) => a.sid === user);
  if (separator < 0 || !account || !sameSecret(account.authToken, password) || user !== pathAccountSid) {
    throw twilioErrors.authenticate();
  }
  return account;
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
