import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

export interface TwilioRestClientConfig {
  accountSid: string;
  authToken: string;
  /**
   * Where to send the REST requests instead of https://*.twilio.com (the local Twilio simulator).
   * Unset: the client talks to Twilio itself.
   */
  apiBaseUrl?: string;
}

export type TwilioRestClient = twilio.Twilio;

/** The official twilio client; with apiBaseUrl, the same client pointed at another host. */
export function createTwilioRestClient(config: TwilioRestClientConfig): TwilioRestClient {
  if (config.apiBaseUrl === undefined) return twilio(config.accountSid, config.authToken);
  return twilio(config.accountSid, config.authToken, {
    httpClient: new RebasingRequestClient(new URL(config.apiBaseUrl)),
  });
}

/**
 * The twilio client builds absolute https://api.twilio.com/... URLs for every resource (and for
 * paging links). Its documented extension point is the RequestClient passed as httpClient, which
 * performs every request: this one swaps Twilio's origin for the configured base URL and leaves
 * authentication, serialization and error handling to the official implementation.
 */
class RebasingRequestClient extends twilio.RequestClient {
  constructor(private readonly apiBase: URL) {
    super();
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request({ ...options, uri: rebase(options.uri, this.apiBase) });
  }
}

function rebase(uri: string, apiBase: URL): string {
  const target = new URL(uri);
  if (target.hostname !== 'twilio.com' && !target.hostname.endsWith('.twilio.com')) return uri;
  const prefix = apiBase.pathname.replace(/\/$/, '');
  return `${apiBase.origin}${prefix}${target.pathname}${target.search}`;
}
