/**
 * The words behind each intent rule, one lexicon per language (intent-lexicon-en.ts,
 * intent-lexicon-zh.ts). Keys name rules, not intents: an intent may have several rules at different
 * priorities (intents.ts orders them). Patterns run on normalized text (text-normalize.ts).
 */
export const LEXICON_RULES = [
  'lawyer',
  'bankruptcy',
  'optOut',
  'complaint',
  'human',
  'wrongPerson',
  'dispute',
  /** Unable to pay it all at once: a plan request, whatever negation it is said with. */
  'notAllAtOnce',
  'hardship',
  /** A refusal put as sarcasm or an idiom ("yeah right, like I'd pay", "when pigs fly", "做梦"): a no, whatever it seems to offer. */
  'refusal',
  'repeat',
  'callback',
  'plan',
  'payNow',
  /** Asks whether something is so (Chinese 是不是/要不要 before a statement): a question, not an offer. */
  'factQuestion',
  /** How one can pay, not an offer to pay (an FAQ). */
  'methodQuestion',
  'promise',
  /** A pick-up greeting and nothing else, whatever filler comes with it. */
  'greeting',
  'identity',
  'deny',
  'affirm',
  'greetOpening',
  'question',
  /** Said with a date, these offer to pay on it ("I can do fifty on Friday"): see understanding.ts. */
  'commitment',
] as const;

export type LexiconRule = (typeof LEXICON_RULES)[number];

export type IntentLexicon = Readonly<Record<LexiconRule, readonly RegExp[]>>;
