import type { Language } from '../dialog/language';

/**
 * Voice TwiML for the call workflow's turns. Pure (no I/O, no clock), so the workflow builds the
 * document an Update returns, and every document lands in history as the Update's result.
 */

export interface VoiceStyle {
  language: Language;
  /** Twilio <Say> voice for the language. */
  voice: string;
  /** BCP-47 tag for <Say> and <Gather language>, and for the speech engines. */
  languageTag: LanguageTag;
  /** Keypad input alongside speech (the campaign's DTMF fallback). */
  dtmf: boolean;
}

/**
 * What the caller hears: Twilio's <Say> of the text, or (SPEECH_ENGINE=local|openai) <Play> of the
 * service's own recording of it. A plain string is said.
 */
export type Prompt = string | { text: string; audioUrl?: string };

export type TransferTarget = { kind: 'number'; number: string; whisperUrl: string } | { kind: 'queue'; name: string; waitUrl: string };

type LanguageTag = 'en-US' | 'zh-CN';

const TAGS: Readonly<Record<Language, { tag: LanguageTag; voice: string }>> = {
  en: { tag: 'en-US', voice: 'Polly.Joanna' },
  'zh-CN': { tag: 'zh-CN', voice: 'Polly.Zhiyu' },
};

export function voiceStyle(language: Language, dtmf: boolean): VoiceStyle {
  return { language, voice: TAGS[language].voice, languageTag: TAGS[language].tag, dtmf };
}

const PHRASES = {
  holding: { en: 'One moment, please.', 'zh-CN': '请稍等。' },
  noAgent: {
    en: "I'm sorry, no colleague is free right now. Someone will call you back soon. Goodbye.",
    'zh-CN': '抱歉，现在没有同事可以接听。我们会尽快给您回电。再见。',
  },
  agentDone: { en: 'Thank you for your time. Goodbye.', 'zh-CN': '感谢您的时间，再见。' },
  queueHold: { en: 'Please hold, a colleague will be with you shortly.', 'zh-CN': '请稍候，同事马上就来为您服务。' },
} as const;

/**
 * How long a caller waits in the agents' queue before being offered a call back instead. Someone
 * called about a debt, not calling in, hangs up on hold music far sooner than a support caller
 * would; half a minute gives a free agent time to pick up and keeps the caller on the line to hear
 * the offer, which the human task then reports as made.
 */
const QUEUE_WAIT_LIMIT_SECONDS = 30;

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** The text escapeXml wrote, for a reader of a document (the load harness, the Live page's feed). */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_all, entity: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[entity]!);
}

function document(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

function say(prompt: Prompt, style: VoiceStyle): string {
  if (typeof prompt !== 'string' && prompt.audioUrl) return `<Play>${escapeXml(prompt.audioUrl)}</Play>`;
  const text = typeof prompt === 'string' ? prompt : prompt.text;
  return `<Say voice="${style.voice}" language="${style.languageTag}">${escapeXml(text)}</Say>`;
}

function spoken(prompt: Prompt | undefined): boolean {
  return prompt !== undefined && (typeof prompt === 'string' ? prompt !== '' : prompt.text !== '');
}

/**
 * The reply, then listen: the action URL gets SpeechResult/Confidence or Digits (or nothing).
 * `hints` are the words the caller is likely to say next, which Twilio's recogniser favours.
 */
export function gatherTwiml(reply: Prompt, style: VoiceStyle, actionUrl: string, hints: readonly string[] = []): string {
  const input = style.dtmf ? 'speech dtmf' : 'speech';
  const hinted = hints.length > 0 ? ` hints="${escapeXml(hints.join(', '))}"` : '';
  return document(
    `<Gather input="${input}" language="${style.languageTag}"${hinted} speechTimeout="auto" timeout="6" actionOnEmptyResult="true" method="POST" action="${escapeXml(actionUrl)}">` +
      `${say(reply, style)}</Gather>`,
  );
}

/**
 * The reply, then record the answer for the service's own recogniser. With nothing said Twilio
 * skips the action and goes on: the Redirect then reports the turn as silence. Any key ends the
 * recording and reaches the action as Digits.
 */
export function recordTwiml(reply: Prompt, style: VoiceStyle, actionUrl: string): string {
  const action = escapeXml(actionUrl);
  return document(
    `${say(reply, style)}<Record action="${action}" method="POST" maxLength="20" timeout="2" playBeep="false" trim="trim-silence"/>` +
      `<Redirect method="POST">${action}</Redirect>`,
  );
}

export function sayAndHangUpTwiml(reply: Prompt, style: VoiceStyle): string {
  return document(`${spoken(reply) ? say(reply, style) : ''}<Hangup/>`);
}

export function hangUpTwiml(): string {
  return document('<Hangup/>');
}

/** The hand-off: the reply, then the agent's number (with a whisper) or the agents' queue. */
export function transferTwiml(reply: Prompt, style: VoiceStyle, target: TransferTarget, actionUrl: string): string {
  const action = escapeXml(actionUrl);
  const transfer =
    target.kind === 'number'
      ? `<Dial timeout="25" action="${action}" method="POST"><Number url="${escapeXml(target.whisperUrl)}">${escapeXml(target.number)}</Number></Dial>`
      : `<Enqueue action="${action}" method="POST" waitUrl="${escapeXml(target.waitUrl)}" waitUrlMethod="POST">${escapeXml(target.name)}</Enqueue>`;
  return document(`${say(reply, style)}${transfer}`);
}

/**
 * An <Enqueue>'s hold, which Twilio requests again each time it ends, with the seconds waited so
 * far: a short message while an agent may still pick up; then <Leave/>, after which Twilio
 * requests the Enqueue's action with QueueResult=leave and the call offers the call back.
 */
export function queueWaitTwiml(language: Language, queueSeconds: number): string {
  if (queueSeconds >= QUEUE_WAIT_LIMIT_SECONDS) return document('<Leave/>');
  return document(`${say(PHRASES.queueHold[language], voiceStyle(language, false))}<Pause length="5"/>`);
}

/**
 * No agent took the call (or the campaign has none): offer the call back, which the debtor
 * workflow turns into a human task. `before` is the hand-off reply when no transfer was tried.
 */
export function noAgentTwiml(style: VoiceStyle, before?: Prompt, closing: Prompt = callPhrase('noAgent', style.language)): string {
  return document(`${spoken(before) ? say(before!, style) : ''}${say(closing, style)}<Hangup/>`);
}

export function agentFinishedTwiml(style: VoiceStyle, closing: Prompt = callPhrase('agentDone', style.language)): string {
  return sayAndHangUpTwiml(closing, style);
}

/** The call's fixed lines, for a workflow that speaks them with its own voice. */
export function callPhrase(phrase: keyof typeof PHRASES, language: Language): string {
  return PHRASES[phrase][language];
}

/** What the agent hears before being connected (Twilio plays the Number's url to the agent). */
export function whisperTwiml(summary: string): string {
  return document(`<Say voice="Polly.Joanna" language="en-US">${escapeXml(summary)}</Say>`);
}

/**
 * A turn not ready within Twilio's patience: a short prompt, then fetch the reply from `redirectUrl`.
 * Still not ready after that (`again`), a second of silence: the caller is not told to wait twice.
 */
export function holdingTwiml(language: Language, redirectUrl: string, again = false): string {
  const style = voiceStyle(language, false);
  const hold = again ? '<Pause length="1"/>' : say(PHRASES.holding[language], style);
  return document(`${hold}<Redirect method="POST">${escapeXml(redirectUrl)}</Redirect>`);
}
