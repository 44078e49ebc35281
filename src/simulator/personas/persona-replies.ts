import type { PersonaConversation, PersonaReply } from './persona-schema';

export type Identity = Readonly<Record<string, string | number>>;

interface ReplyTiming {
  afterSeconds: number;
  hangUp: boolean;
}

/** A persona's reply with every default and placeholder resolved. */
export type ResolvedReply = ReplyTiming &
  (
    | { kind: 'speech'; text: string; confidence: number; language: string }
    | { kind: 'digits'; digits: string }
    | { kind: 'silence' }
  );

/**
 * Picks what a persona answers to `heard` (everything the service said since the person last
 * spoke): the first matching rule, else the next scripted line, else the fallback.
 */
export function chooseReply(
  conversation: PersonaConversation,
  heard: string,
  scriptCursor: number,
  identity: Identity,
): { reply: ResolvedReply; nextScriptCursor: number } {
  for (const rule of conversation.rules) {
    const groups = ruleMatch(rule, heard);
    if (groups) return { reply: resolve(rule.reply, conversation, identity, groups), nextScriptCursor: scriptCursor };
  }
  const scripted = conversation.script[scriptCursor];
  if (scripted) return { reply: resolve(scripted, conversation, identity, []), nextScriptCursor: scriptCursor + 1 };
  return { reply: resolve(conversation.otherwise, conversation, identity, []), nextScriptCursor: scriptCursor };
}

/** The regex groups of a match (empty for a keyword match), or undefined when the rule does not apply. */
function ruleMatch(rule: PersonaConversation['rules'][number], heard: string): string[] | undefined {
  if (rule.match !== undefined) {
    const match = new RegExp(rule.match, 'iu').exec(heard);
    if (match) return match.slice(1).map((group) => group ?? '');
  }
  if (rule.keywords !== undefined) {
    const lower = heard.toLowerCase();
    if (rule.keywords.some((keyword) => lower.includes(keyword.toLowerCase()))) return [];
  }
  return undefined;
}

function resolve(reply: PersonaReply, conversation: PersonaConversation, identity: Identity, groups: string[]): ResolvedReply {
  const timing = { afterSeconds: reply.afterSeconds ?? conversation.thinkSeconds, hangUp: reply.hangUp ?? false };
  if (reply.say !== undefined) {
    return {
      ...timing,
      kind: 'speech',
      text: fillPlaceholders(reply.say, identity, groups),
      confidence: reply.confidence ?? conversation.confidence,
      language: reply.language ?? conversation.language,
    };
  }
  if (reply.digits !== undefined) {
    return { ...timing, kind: 'digits', digits: fillPlaceholders(reply.digits, identity, groups) };
  }
  return { ...timing, kind: 'silence' };
}

/** {{name}} takes the identity's value; $1..$9 take the matching rule's regex groups. */
export function fillPlaceholders(text: string, identity: Identity, groups: readonly string[]): string {
  return text
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in identity ? String(identity[key]) : whole))
    .replace(/\$([1-9])/g, (whole, index: string) => groups[Number(index) - 1] ?? whole);
}
