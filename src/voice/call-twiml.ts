import type { Language } from '../dialog/language';

/**
 * Voice TwiML for the call workflow's turns. Pure (no I/O, no clock), so the workflow builds the
 * document an Update returns, and every document lands in history as the Update's result.
 */

export interface VoiceStyle {
  language: Language;
  /** Twilio <Say> voice for the language. */
  voice: string;
  /** BCP-47 tag for <Say> and <Gather language>. */
  languageTag: string;
  /** Keypad input alongside speech (the campaign's DTMF fallback). */
  dtmf: boolean;
}

export type TransferTarget = { kind: 'number'; number: string; whisperUrl: string } | { kind: 'queue'; name: string };

const TAGS: Readonly<Record<Language, { tag: string; voice: string }>> = {
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
} as const;

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function document(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

function say(text: string, style: VoiceStyle): string {
  return `<Say voice="${style.voice}" language="${style.languageTag}">${escapeXml(text)}</Say>`;
}

/** The reply, then listen: the action URL gets SpeechResult/Confidence or Digits (or nothing). */
export function gatherTwiml(reply: string, style: VoiceStyle, actionUrl: string): string {
  const input = style.dtmf ? 'speech dtmf' : 'speech';
  return document(
    `<Gather input="${input}" language="${style.languageTag}" speechTimeout="auto" timeout="6" actionOnEmptyResult="true" method="POST" action="${escapeXml(actionUrl)}">` +
      `${say(reply, style)}</Gather>`,
  );
}

export function sayAndHangUpTwiml(reply: string, style: VoiceStyle): string {
  return document(`${reply ? say(reply, style) : ''}<Hangup/>`);
}

export function hangUpTwiml(): string {
  return document('<Hangup/>');
}

/** The hand-off: the reply, then the agent's number (with a whisper) or the agents' queue. */
export function transferTwiml(reply: string, style: VoiceStyle, target: TransferTarget, actionUrl: string): string {
  const action = escapeXml(actionUrl);
  const transfer =
    target.kind === 'number'
      ? `<Dial timeout="25" action="${action}" method="POST"><Number url="${escapeXml(target.whisperUrl)}">${escapeXml(target.number)}</Number></Dial>`
      : `<Enqueue action="${action}" method="POST">${escapeXml(target.name)}</Enqueue>`;
  return document(`${say(reply, style)}${transfer}`);
}

/**
 * No agent took the call (or the campaign has none): offer the call back, which the debtor
 * workflow turns into a human task. `before` is the hand-off reply when no transfer was tried.
 */
export function noAgentTwiml(style: VoiceStyle, before?: string): string {
  return document(`${before ? say(before, style) : ''}${say(PHRASES.noAgent[style.language], style)}<Hangup/>`);
}

export function agentFinishedTwiml(style: VoiceStyle): string {
  return sayAndHangUpTwiml(PHRASES.agentDone[style.language], style);
}

/** What the agent hears before being connected (Twilio plays the Number's url to the agent). */
export function whisperTwiml(summary: string): string {
  return document(`<Say voice="Polly.Joanna" language="en-US">${escapeXml(summary)}</Say>`);
}

/** A turn not ready within Twilio's patience: a short prompt, then fetch the reply from `redirectUrl`. */
export function holdingTwiml(language: Language, redirectUrl: string): string {
  const style = voiceStyle(language, false);
  return document(`${say(PHRASES.holding[language], style)}<Redirect method="POST">${escapeXml(redirectUrl)}</Redirect>`);
}
