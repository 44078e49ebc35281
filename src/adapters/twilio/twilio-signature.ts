import twilio from 'twilio';

export interface TwilioSignatureCheck {
  authToken: string;
  /** The X-Twilio-Signature header; missing means the request is not from Twilio. */
  signature: string | undefined;
  /** The full URL Twilio requested, as configured there (scheme, host, path and query). */
  url: string;
  /** The form-encoded POST parameters (empty for GET, whose query is part of the URL). */
  params: Readonly<Record<string, string | string[]>>;
}

/** Whether a webhook request really comes from Twilio, checked by the official client's validateRequest. */
export function isValidTwilioSignature(check: TwilioSignatureCheck): boolean {
  if (!check.signature) return false;
  return twilio.validateRequest(check.authToken, check.signature, check.url, check.params);
}
