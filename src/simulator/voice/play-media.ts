import { readWav } from '../../audio/wav';
import type { CallSession } from './call-session';

/** What a <Play> URL gave: how long it plays and, for a WAV that carries them, its words. */
export type PlayMedia =
  | { ok: true; durationSeconds: number; transcript: string | null }
  | { ok: false; code: 11200 | 11205 | 12300; reason: string };

// Audio the simulator cannot measure (mp3 and the like) is assumed to last this long.
const UNMEASURED_PLAY_SECONDS = 5;

/**
 * Fetches a <Play> URL as Twilio does: a plain GET, without signature or credentials. Twilio
 * skips a <Play> whose media it cannot get (11200 error status, 11205 no connection) or play
 * (12300 a Content-Type that is not audio) and goes on with the next verb.
 *
 * Known difference from Twilio: Twilio plays the sound and ignores a WAV's INFO comment; the
 * simulated person cannot hear sound, so the comment is what they hear (see src/audio/wav.ts).
 */
export async function fetchPlayMedia(session: CallSession, url: string): Promise<PlayMedia> {
  const timeout = AbortSignal.timeout(session.context.options.webhookTimeoutMs);
  const started = Date.now();
  let result: PlayMedia;
  let statusCode: number | null = null;
  try {
    const response = await fetch(url, {
      headers: { 'User-Agent': 'TwilioProxy/1.1', Accept: '*/*' },
      signal: AbortSignal.any([session.signal, timeout]),
    });
    statusCode = response.status;
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok) result = { ok: false, code: 11200, reason: `HTTP ${response.status} from ${url}` };
    else if (!contentType.toLowerCase().startsWith('audio/')) {
      result = { ok: false, code: 12300, reason: `Invalid Content-Type "${contentType}" for <Play> ${url}` };
    } else result = { ok: true, ...measured(body) };
  } catch (error) {
    if (session.signal.aborted) throw session.interruption(session.signal.reason);
    const why = timeout.aborted ? 'timed out' : `failed: ${(error as Error).message}`;
    result = { ok: false, code: 11205, reason: `<Play> ${url} ${why}` };
  }
  session.context.store.recordWebhook({
    url,
    method: 'GET',
    purpose: 'play',
    attempt: 1,
    statusCode,
    durationMs: Date.now() - started,
    error: result.ok ? null : result.reason,
    callSid: session.sid,
    messageSid: null,
  });
  return result;
}

function measured(body: Buffer): { durationSeconds: number; transcript: string | null } {
  try {
    const wav = readWav(body);
    return { durationSeconds: wav.durationSeconds, transcript: wav.transcript ?? null };
  } catch {
    return { durationSeconds: UNMEASURED_PLAY_SECONDS, transcript: null };
  }
}
