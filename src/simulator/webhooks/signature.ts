import { createHmac } from 'node:crypto';

/**
 * X-Twilio-Signature, computed as Twilio documents it (https://www.twilio.com/docs/usage/security):
 * take the full URL (with query string), append each POST parameter's name immediately followed by
 * its value, parameters sorted by name; HMAC-SHA1 that with the auth token; Base64 the digest.
 * Written independently of the twilio package so that the service's check is really exercised.
 */
export function twilioSignature(authToken: string, url: string, postParams: Readonly<Record<string, string>>): string {
  const payload = Object.keys(postParams)
    .sort()
    .reduce((text, name) => text + name + postParams[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(payload, 'utf-8')).digest('base64');
}
