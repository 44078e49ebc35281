// Classification of an inbound text by its keyword.
//
// TCPA: a called party may revoke consent by any reasonable means, and a reply of "stop", "quit",
// "end", "revoke", "opt out", "cancel" or "unsubscribe" is such a means (47 CFR 64.1200(a)(10),
// FCC 24-24, 2024); the revocation must be honoured within 10 business days, with at most one
// confirmation text. Regulation F §1006.6(e) likewise requires honouring an opt-out by text.
//
// The limit of keyword matching: only a message that IS a keyword (ignoring case, spaces,
// punctuation and emoji) is classified here. "Please stop texting me" or "别再给我发了" are
// revocations too, but they are free text: the dialog must read every free-text reply for a
// revocation and treat it as one when in doubt. `mentionsOptOutWord` flags free text that contains
// an opt-out word so that the reader does not miss it.
//
// START and UNSTOP are the consumer's own way back (Twilio's opt-in keywords, and the CTIA's). Twilio
// also takes YES, which is left out here: it is far more often an answer than a request.

export type InboundSmsKind = 'opt-out' | 'opt-in' | 'help' | 'pay' | 'free-text';

export interface InboundSmsClassification {
  kind: InboundSmsKind;
  /** The keyword as normalised ('optout', '退订'), or null for free text. */
  keyword: string | null;
  /** True for an opt-out keyword, and for free text containing an opt-out word, which the dialog must weigh as a possible revocation. */
  mentionsOptOutWord: boolean;
}

// Keywords as they compare after normalising: lower case, without spaces or punctuation.
const keywords: Record<Exclude<InboundSmsKind, 'free-text'>, readonly string[]> = {
  'opt-out': [
    'stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout',
    // Chinese: unsubscribe, cancel, stop, exit, "don't send any more", and the TD / T reply codes
    // Chinese senders print as "回复TD退订".
    '退订', '取消', '停止', '退出', '不要再发', '不要再发了', '别再发了', '拒收', 'td', 't',
  ],
  'opt-in': ['start', 'unstop'],
  help: ['help', 'info', '帮助'],
  pay: ['pay', '付款', '支付', '还款'],
};

const optOutWords = ['stop', 'unsubscribe', 'cancel', 'quit', 'revoke', 'opt out', 'optout', 'end'];
const optOutPhrases = ['退订', '停止', '不要再发', '别再发', '拒收'];

/** Lower case, compatibility forms folded (full-width ＳＴＯＰ), spaces, punctuation and symbols removed. */
function normalise(body: string): string {
  return body.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

export function classifyInboundSms(body: string): InboundSmsClassification {
  const normalised = normalise(body);
  for (const [kind, words] of Object.entries(keywords) as Array<[InboundSmsKind, readonly string[]]>) {
    if (words.includes(normalised)) return { kind, keyword: normalised, mentionsOptOutWord: kind === 'opt-out' };
  }
  const text = body.normalize('NFKC').toLowerCase();
  const words = text.split(/[^\p{L}\p{N}]+/u).join(' ');
  const mentionsOptOutWord =
    optOutWords.some((word) => ` ${words} `.includes(` ${word} `)) || optOutPhrases.some((phrase) => text.includes(phrase));
  return { kind: 'free-text', keyword: null, mentionsOptOutWord };
}
