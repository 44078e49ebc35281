import { parseSmallNumber } from '../dialog/spoken-numbers';
import { distinctValues, type Reading } from './answer-reading';
import { escapeRegExp, phrasePattern } from './phrase-patterns';
import type { Choice, SurveyQuestion } from './question-types';

type ChoiceQuestion = Extract<SurveyQuestion, { type: 'single-choice' | 'multiple-choice' }>;

interface Mention {
  id: string;
  at: number;
  /** Said as the way they did it ("through the app", "用APP"), not in passing ("on my phone"). */
  strong: boolean;
}

/** Words around keys that carry no choice: "option 3", "number one", "1 and 3", "选第2个". */
const KEY_WORDS = /\b(?:options?|numbers?|choices?|and|no\.?)\b|[#&和跟还有选项个第]/g;
const KEY = /^(?:[a-z]|\d+|[一二三四五六七八九十]+|one|two|three|four|five|six|seven|eight|nine|ten)$/;

const ENGLISH_ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
const ORDINAL = /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|last)\b(?!\s+(?:two|three|four)\b)|第\s*([一二三四五六七八九\d])|(最后)一?个/;
const FIRST_FEW = /\bthe\s+first\s+(two|three|four)\b|前\s*([两二三四])\s*个?/;

const NONE = /\b(?:nothing|none|no changes?)\b|没什么|没有什么|都不用|不用改|不需要改/;
const ALL = /\b(?:all of them|all|everything|every one|the lot)\b|都要|全部|所有|都需要|都得/;
const EXCEPT = /\b(?:except|apart from|other than|but not)\b|除了/;

/** The choice is praised, not picked: "staff were great though", "员工态度挺好的". */
const PRAISED_AFTER =
  /^[^,.;!?，。；！？]*?(?:\b(?:were|was|are|is)\s+(?:\w+\s+)?(?:great|good|fine|nice|lovely|friendly|helpful|ok|okay|excellent)\b|挺好|很好|不错|还行|还可以|没问题)/;
const STRONG_BEFORE = /(?:\b(?:by|through|via|using|used|in|at|into|went to)\s+(?:the\s+|a\s+|an\s+)?|用|通过|去|在)$/;

const ARTICLE = /^(?:the|a|an)\s+/;

/** Every label and synonym in every language, longest first, so "mobile app" is read before "app". */
function choicePhrases(choices: readonly Choice[]): Array<{ id: string; pattern: RegExp; length: number }> {
  return choices
    .flatMap((choice) =>
      [...Object.values(choice.label), ...Object.values(choice.synonyms ?? {}).flat()].map((phrase) => {
        const words = phrase.toLowerCase().replace(ARTICLE, '');
        return { id: choice.id, pattern: phrasePattern(escapeRegExp(words)), length: words.length };
      }),
    )
    .sort((a, b) => b.length - a.length);
}

function mentions(text: string, choices: readonly Choice[]): Mention[] {
  const found: Mention[] = [];
  choicePhrases(choices).reduce(
    (rest, { id, pattern }) =>
      rest.replace(pattern, (match: string, at: number) => {
        const praised = PRAISED_AFTER.test(text.slice(at + match.length));
        if (!praised) found.push({ id, at, strong: STRONG_BEFORE.test(text.slice(0, at)) });
        return ' '.repeat(match.length);
      }),
    text,
  );
  return found.sort((a, b) => a.at - b.at);
}

/** "2", "B", "A, C", "1 and 3", "option 3", "三": the reply is nothing but keys. */
function keyedIndices(text: string): number[] | undefined {
  const tokens = text.replace(KEY_WORDS, ' ').split(/[\s,，、;；/.!]+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => KEY.test(t))) return undefined;
  return tokens.map((t) => (/^[a-z]$/.test(t) ? t.charCodeAt(0) - 96 : (parseSmallNumber(t) ?? 0)));
}

function ordinalIndices(text: string, count: number): number[] | undefined {
  const few = FIRST_FEW.exec(text);
  if (few) return Array.from({ length: parseSmallNumber(few[1] ?? few[2] ?? '') ?? 0 }, (_, i) => i + 1);
  const ordinal = ORDINAL.exec(text);
  if (!ordinal) return undefined;
  if (ordinal[1] === 'last' || ordinal[3]) return [count];
  return [ENGLISH_ORDINALS[ordinal[1] ?? ''] ?? parseSmallNumber(ordinal[2] ?? '') ?? 0];
}

function fromIndices(indices: readonly number[], question: ChoiceQuestion): Reading {
  const outside = indices.find((i) => i < 1 || i > question.choices.length);
  if (outside !== undefined) return { candidates: [], outOfRange: outside };
  return selection(indices.map((i) => question.choices[i - 1]?.id ?? ''), question);
}

/** One choice per candidate for a single choice (two named: confirm); one list for a multiple choice. */
function selection(ids: readonly string[], question: ChoiceQuestion): Reading {
  const chosen = distinctValues(ids) as string[];
  if (question.type === 'single-choice') return { candidates: chosen };
  const tooMany = question.maxChoices !== undefined && chosen.length > question.maxChoices;
  return { candidates: [chosen], vague: tooMany };
}

function wholeSet(text: string, question: ChoiceQuestion, named: readonly Mention[]): Reading | undefined {
  if (question.type !== 'multiple-choice') return undefined;
  if (named.length === 0 && NONE.test(text)) return { candidates: [[]] };
  if (!ALL.test(text)) return undefined;
  const excluded = EXCEPT.test(text) ? new Set(named.map((m) => m.id)) : new Set<string>();
  return selection(question.choices.map((c) => c.id).filter((id) => !excluded.has(id)), question);
}

export function readChoices(question: ChoiceQuestion, text: string): Reading {
  const keys = keyedIndices(text) ?? ordinalIndices(text, question.choices.length);
  if (keys) return fromIndices(keys, question);
  const named = mentions(text, question.choices);
  const whole = wholeSet(text, question, named);
  if (whole) return whole;
  if (named.length === 0) return { candidates: [] };
  const strong = named.filter((m) => m.strong);
  const meant = question.type === 'single-choice' && new Set(strong.map((m) => m.id)).size === 1 ? strong : named;
  return selection(meant.map((m) => m.id), question);
}
