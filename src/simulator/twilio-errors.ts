/**
 * The REST errors the simulator answers with, with Twilio's codes and wording.
 * Each code is documented at https://www.twilio.com/docs/errors/{code}.
 */

/** Twilio's JSON error body: what the official client turns into a RestException. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
  detail?: string;
}

export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  toBody(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }
}

export const twilioErrors = {
  authenticate: () =>
    new TwilioApiError(401, 20003, 'Authenticate', 'Your AccountSid or AuthToken was incorrect.'),
  notFound: (path: string) => new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  tooManyRequests: () => new TwilioApiError(429, 20429, 'Too Many Requests'),
  // 20001: Twilio's answer to a parameter value it does not accept.
  invalidParameter: (message: string) => new TwilioApiError(400, 20001, message),

  // Messaging
  messageToRequired: () => new TwilioApiError(400, 21604, "A 'To' phone number is required."),
  messageFromRequired: () => new TwilioApiError(400, 21603, "A 'From' phone number is required."),
  messageBodyRequired: () => new TwilioApiError(400, 21602, 'Message body is required.'),
  messageBodyTooLong: () =>
    new TwilioApiError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'),
  invalidTo: (to: string) => new TwilioApiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  notSmsCapableFrom: (from: string) =>
    new TwilioApiError(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    ),
  // 21610: the recipient replied STOP (or is on the account's opt-out list) for this sender.
  unsubscribedRecipient: () =>
    new TwilioApiError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  // 21614: the destination is a landline or otherwise cannot receive SMS.
  notMobile: (to: string) => new TwilioApiError(400, 21614, `'To' number ${to} is not a valid mobile number`),
  // 21408: Messaging Geo Permissions do not allow the destination's country.
  smsGeoPermission: (to: string) =>
    new TwilioApiError(
      400,
      21408,
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
    ),

  // Voice
  callToRequired: () => new TwilioApiError(400, 21201, "No 'To' number is specified"),
  callFromRequired: () => new TwilioApiError(400, 21213, "No 'From' number is specified"),
  callUrlRequired: () =>
    new TwilioApiError(400, 21205, 'Url parameter is required. Please provide a Url, ApplicationSid or Twiml.'),
  invalidUrl: (url: string) => new TwilioApiError(400, 21205, `Url is not a valid URL: ${url}`),
  // 21210: outbound calls must come from a number the account owns or has verified.
  callerIdNotVerified: (from: string) =>
    new TwilioApiError(
      400,
      21210,
      `The source phone number provided, ${from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.`,
    ),
  // 21215: Voice Geo Permissions do not allow the destination's country.
  callGeoPermission: (to: string) =>
    new TwilioApiError(
      400,
      21215,
      `Account not authorized to call ${to}. Perhaps you need to enable some international permissions: https://www.twilio.com/console/voice/calls/geo-permissions/low-risk`,
    ),
  // 21216: Twilio blocks the destination (fraud or regulatory reasons).
  callBlocked: (to: string) => new TwilioApiError(400, 21216, `Account not allowed to call ${to}`),
  // 21220: redirecting or hanging up needs a call that is still in progress.
  callNotInProgress: () => new TwilioApiError(400, 21220, 'Call is not in-progress. Cannot redirect.'),
};
