import type { SurveyQuestion } from '../question-types';
import type { Survey } from '../survey-schema';
import { PHRASES } from './conversation-phrases';
import type { Prompt } from './conversation-types';
import { phraseLanguage, questionWords, worded, type WordingContext } from './survey-wording';

// A question as one prompt per channel. SMS: the written question and how to reply ("Reply 0–10",
// "Reply 1 (phone), 2 (text message) or 3 (the app)"), one question per message. Voice: the
// short spoken form, and for scale and choice questions the keypad as a fallback for speech the
// recogniser cannot read (when the survey's voice.dtmfFallback allows it).

export type PromptSurvey = Pick<Survey, 'name' | 'voice'>;

interface Speaking {
  survey: PromptSurvey;
  context: WordingContext;
  voice: boolean;
}

function scaleRange(question: SurveyQuestion): { min: number; max: number } | undefined {
  if (question.type === 'nps') return { min: 0, max: 10 };
  if (question.type === 'rating') return { min: question.scale.min, max: question.scale.max };
  return undefined;
}

function choiceKeys(question: SurveyQuestion, { context, voice }: Speaking): string[] {
  if (!('choices' in question)) return [];
  const language = phraseLanguage(context.language);
  return question.choices.map((choice, index) =>
    PHRASES.keyForChoice[language]({ key: index + 1, label: choice.label[context.language] ?? choice.id, voice }),
  );
}

/** How to reply by text; undefined for free text, which needs no hint. */
function replyHint(question: SurveyQuestion, speaking: Speaking): string | undefined {
  const language = phraseLanguage(speaking.context.language);
  const range = scaleRange(question);
  if (range) return PHRASES.replyRange[language](range);
  switch (question.type) {
    case 'yes-no':
      return PHRASES.replyYesNo[language]();
    case 'single-choice':
      return PHRASES.replyChoice[language](choiceKeys(question, speaking));
    case 'multiple-choice':
      return PHRASES.replyChoices[language](choiceKeys(question, speaking));
    case 'number':
      return PHRASES.replyNumber[language](question.range);
    case 'date':
      return PHRASES.replyDate[language]();
    default:
      return undefined;
  }
}

/** The keypad offer and how many digits the gather takes; undefined where the keypad cannot answer. */
function keypadOffer(question: SurveyQuestion, speaking: Speaking): { words: string; digits: number } | undefined {
  if (!speaking.survey.voice.dtmfFallback) return undefined;
  const language = phraseLanguage(speaking.context.language);
  const range = scaleRange(question);
  if (range) return { words: PHRASES.pressRange[language](range), digits: String(range.max).length };
  if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return undefined;
  const perChoice = String(question.choices.length).length;
  const digits = question.type === 'single-choice' ? perChoice : perChoice * (question.maxChoices ?? question.choices.length);
  return { words: PHRASES.pressChoice[language](choiceKeys(question, speaking)), digits };
}

/** Sentences as one text: spaced in English, run together after Chinese punctuation, as Chinese is written. */
function joined(parts: ReadonlyArray<string | undefined>): string {
  return parts.reduce<string>((text, part) => {
    if (!part) return text;
    return text === '' || /[\u3000-\u303f\uff00-\uffef]$/.test(text) ? text + part : `${text} ${part}`;
  }, '');
}

/** The question, after `lead` (thanks, a re-ask's apology, a welcome back), as one prompt. */
export function questionPrompt(question: SurveyQuestion, speaking: Speaking, lead: readonly string[] = []): Prompt {
  const words = questionWords(question, speaking.voice, speaking.survey, speaking.context);
  if (!speaking.voice) return { text: joined([...lead, words, replyHint(question, speaking)]), awaitsReply: true };
  const keypad = keypadOffer(question, speaking);
  return {
    text: joined([...lead, words, keypad?.words]),
    awaitsReply: true,
    ...(keypad ? { keypadDigits: keypad.digits } : {}),
  };
}

/** A question to which the reply is a yes or a no, or other words read by the caller (consent, confirmations, probes). */
export function askingPrompt(text: string, lead: readonly string[] = [], hint?: string): Prompt {
  return { text: joined([...lead, text, hint]), awaitsReply: true };
}

/** Words after which nothing is awaited: the closing, a goodbye. */
export function finalPrompt(text: string, lead: readonly string[] = []): Prompt {
  return { text: joined([...lead, text]), awaitsReply: false };
}

export function probePrompt(question: SurveyQuestion, speaking: Speaking, lead: readonly string[] = []): Prompt | undefined {
  return question.probe ? askingPrompt(worded(question.probe, speaking.survey, speaking.context), lead) : undefined;
}

export type { Speaking };
