import type { Language } from '../../dialog/language';
import { formatDate } from '../../dialog/speech-format';
import { placeholdersIn } from '../../campaigns/templates';
import type { AnswerValue, SurveyQuestion, Wording } from '../question-types';
import type { Survey } from '../survey-schema';
import { both, PHRASES } from './conversation-phrases';
import type { ConversationState } from './conversation-types';

// The survey's own words for one respondent: in their language, with the placeholders the survey
// validation allows ({{firstName}}, {{surveyName}}, {{hidden.<field>}}) filled in.

/** The engine's own phrases exist in English and Chinese; a survey in another language is joined up in English. */
export function phraseLanguage(language: string): Language {
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type WordingContext = Pick<ConversationState, 'language' | 'firstName' | 'hidden'>;

/**
 * An unknown value leaves no gap: "Hi {{firstName}}, this is" reads "Hi, this is" without a
 * name, and "{{firstName}}您好" reads "您好".
 */
function fill(text: string, survey: Pick<Survey, 'name'>, context: WordingContext): string {
  const values: Record<string, string | number | undefined> = {
    firstName: context.firstName,
    surveyName: survey.name,
    ...Object.fromEntries(Object.entries(context.hidden).map(([field, value]) => [`hidden.${field}`, value])),
  };
  const filled = placeholdersIn(text).reduce(
    (acc, name) => acc.replace(new RegExp(`\\{\\{\\s*${name.replace('.', '\\.')}\\s*\\}\\}`, 'g'), String(values[name] ?? '')),
    text,
  );
  return filled
    .replace(/ +([,，.。!?！？])/g, '$1')
    .replace(/([,，])\s*(?=[,，.。!?！？])/g, '')
    .replace(/([.。!?！？])\s*[,，]/g, '$1')
    .replace(/^[\s,，]+/, '')
    .replace(/ {2,}/g, ' ');
}

export function worded(wording: Wording, survey: Pick<Survey, 'name'>, context: WordingContext): string {
  return fill(wording[context.language] ?? Object.values(wording)[0] ?? '', survey, context);
}

/** What a question says: its short spoken form on a call, the written text in a message. */
export function questionWords(question: SurveyQuestion, voice: boolean, survey: Pick<Survey, 'name'>, context: WordingContext): string {
  return worded((voice ? question.spoken : undefined) ?? question.text, survey, context);
}

const CHINESE_DIGITS = '零一二三四五六七八九';

/** 0-99 as Chinese numerals, as a score is said: 七, 十, 十二, 二十. */
function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) return String(value);
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${units === 0 ? '' : CHINESE_DIGITS[units]}`;
}

/** An answer said back to the respondent: "7" / "七分", "the app" / "应用", a date with its weekday. */
export function sayValue(question: SurveyQuestion, value: AnswerValue, context: WordingContext): string {
  const language = phraseLanguage(context.language);
  const label = (id: string) => {
    const choice = 'choices' in question ? question.choices.find((candidate) => candidate.id === id) : undefined;
    return choice ? (choice.label[context.language] ?? id) : id;
  };
  if (typeof value === 'boolean') return (value ? PHRASES.yes : PHRASES.no)[language]();
  if (Array.isArray(value)) return both[language](value.map(label));
  if (typeof value === 'number') {
    if (question.type === 'number') return `${value}${question.unit?.[context.language] ? ` ${question.unit[context.language]}` : ''}`;
    return language === 'zh-CN' ? `${chineseNumeral(value)}分` : String(value);
  }
  if (question.type === 'date') return formatDate(value as string, language);
  return label(value as string);
}
