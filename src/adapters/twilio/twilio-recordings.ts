// Downloads a call recording (the RecordingUrl of a <Record> or recording callback) as WAV. Twilio
// serves recordings behind the account's basic auth, and a URL without an extension as WAV
// (https://www.twilio.com/docs/voice/api/recording#fetch-a-recording-media-file). The credentials
// go only to Twilio's own hosts or the configured API base (the simulator), never to another URL.
// Once transcribed, a recording is deleted: Twilio keeps recordings until they are, and one holds
// whatever the person said, card numbers included
// (https://www.twilio.com/docs/voice/api/recording#delete-a-recording-resource).

import { createTwilioRestClient } from './twilio-rest-client';

export interface RecordingFetcher {
  fetchWav(recordingUrl: string): Promise<Buffer>;
  /** Deletes the recording at Twilio; one already deleted counts as deleted. */
  deleteRecording(recordingUrl: string): Promise<void>;
}

export class RecordingUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'RecordingUnavailableError';
  }
}

export function twilioRecordingFetcher(config: { accountSid: string; authToken: string; apiBaseUrl?: string; timeoutMs?: number; maxBytes?: number }): RecordingFetcher {
  // Twilio records calls as 8 kHz 16-bit mono WAV: 8 MB is over eight minutes.
  const maxBytes = config.maxBytes ?? 8 * 1024 * 1024;
  const allowedOrigin = config.apiBaseUrl ? new URL(config.apiBaseUrl).origin : undefined;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const client = createTwilioRestClient(config);
  return {
    async fetchWav(recordingUrl) {
      const url = new URL(recordingUrl);
      const twilioHost = url.protocol === 'https:' && (url.hostname === 'twilio.com' || url.hostname.endsWith('.twilio.com'));
      if (!twilioHost && url.origin !== allowedOrigin) throw new RecordingUnavailableError(`not a Twilio recording URL: ${url.origin}`, false);
      let response: Response;
      try {
        response = await fetch(url, { headers: { authorization, accept: 'audio/wav' }, signal: AbortSignal.timeout(config.timeoutMs ?? 10_000) });
      } catch (err) {
        throw new RecordingUnavailableError(`recording fetch failed: ${err instanceof Error ? err.message : String(err)}`, true);
      }
      // A recording is listed before its media is ready: 404 for a moment after the callback.
      if (!response.ok) throw new RecordingUnavailableError(`recording fetch answered ${response.status}`, response.status === 404 || response.status === 429 || response.status >= 500);
      const audio = Buffer.from(await response.arrayBuffer());
      if (audio.length > maxBytes) throw new RecordingUnavailableError(`recording is ${audio.length} bytes, more than ${maxBytes}`, false);
      return audio;
    },

    async deleteRecording(recordingUrl) {
      const sid = /\/Recordings\/(RE[0-9a-f]{32})(?:\.\w+)?$/i.exec(new URL(recordingUrl).pathname)?.[1];
      if (!sid) throw new RecordingUnavailableError(`not a Twilio recording URL: ${recordingUrl}`, false);
      try {
        await client.recordings(sid).remove();
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (status === 404) return;
        throw new RecordingUnavailableError(`recording delete failed: ${err instanceof Error ? err.message : String(err)}`, status === undefined || status === 429 || status >= 500);
      }
    },
  };
}
