import { randomBytes } from 'node:crypto';

/** Twilio resource SIDs are a two-letter type prefix followed by 32 lowercase hex digits. */
export type SidPrefix = 'SM' | 'CA' | 'RE' | 'QU' | 'PN';

export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Twilio's REST API renders dates in RFC 2822, always in GMT: "Thu, 24 Aug 2023 05:01:45 +0000". */
export function rfc2822(date: Date | null): string | null {
  return date === null ? null : date.toUTCString().replace('GMT', '+0000');
}
