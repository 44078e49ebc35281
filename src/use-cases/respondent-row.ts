import type { Survey } from '../surveys/survey-schema';
import type { RespondentProfile } from '../../workflows/respondent/respondent.messages';
import type { RowReader } from './row-import';
import {
  canonicalLanguage,
  canonicalTimeZone,
  columnReader,
  memoize,
  phoneNumberIn,
  reference,
  shortText,
  yesOrNo,
  type Parsed,
  type RowProblem,
} from './row-cells';

// One imported row (a CSV record or a JSON object) read into a survey respondent's profile, with
// every problem named by its column. Besides its own columns, a survey takes one column for each
// of its hidden fields (the values its wording and logic use). Pure.

export const respondentColumns = ['respondent_ref', 'phone', 'time_zone', 'language', 'first_name', 'artificial_voice_consent'] as const;
type RespondentColumn = (typeof respondentColumns)[number];

export const requiredRespondentColumns: readonly RespondentColumn[] = ['respondent_ref', 'phone'];

/** A hidden value may be quoted in a text ({{hidden.order}}): no longer than a name. */
const maxTextLength = 200;
const boundedText = shortText(maxTextLength);

type SurveyForImport = Pick<Survey, 'jurisdiction' | 'defaultTimeZone' | 'languages' | 'hiddenFields'>;

/** Reads rows for one survey, whose default zone, languages, country and hidden fields they take. */
export function respondentRowReader(survey: SurveyForImport): RowReader<RespondentProfile> {
  const columns = columnReader<string>({ names: [...respondentColumns, ...survey.hiddenFields], required: requiredRespondentColumns });
  const phoneNumber = phoneNumberIn(survey.jurisdiction, 'survey');
  const zones = memoize(canonicalTimeZone);
  const languages = memoize(surveyLanguage(survey.languages));

  return {
    header: (names) => columns.header(names),
    row(fields) {
      const problems: RowProblem[] = [];
      const read = columns.row(fields, problems);
      const own = {
        respondent_ref: read('respondent_ref', reference('a respondent reference')),
        phone: read('phone', phoneNumber),
        time_zone: read('time_zone', zones) ?? survey.defaultTimeZone,
        language: read('language', languages) ?? survey.languages[0],
        first_name: read('first_name', boundedText),
        artificial_voice_consent: read('artificial_voice_consent', yesOrNo) ?? false,
      } satisfies Record<RespondentColumn, unknown>;
      const hidden: Record<string, string> = {};
      for (const field of survey.hiddenFields) {
        const column = columns.named(field)!;
        // A hidden field named like a column of our own ('language') is that column's value.
        const value = column in own ? own[column as RespondentColumn] : read(column, boundedText);
        if (value !== undefined) hidden[field] = String(value);
      }

      if (problems.length > 0) return { ok: false, problems };
      // With no problems, every required column was read.
      return {
        ok: true,
        profile: {
          respondentRef: own.respondent_ref!,
          phone: own.phone!,
          timeZone: own.time_zone,
          language: own.language,
          ...(own.first_name !== undefined ? { firstName: own.first_name } : {}),
          hidden,
          artificialVoiceConsent: own.artificial_voice_consent,
        },
      };
    },
  };
}

/**
 * A language tag, taken to the survey's own spelling of it where the survey has it: 'zh' or
 * 'zh-TW' to a survey in 'zh-CN', 'en-GB' to one in 'en', since the wording exists only in the
 * survey's languages and a respondent would otherwise be spoken to in its first one. A language
 * the survey lacks altogether is kept: the survey then falls back to its first language.
 */
function surveyLanguage(surveyLanguages: readonly string[]): (text: string) => Parsed<string> {
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  return (text) => {
    const parsed = canonicalLanguage(text);
    if ('problem' in parsed || surveyLanguages.includes(parsed.value)) return parsed;
    return { value: surveyLanguages.find((language) => primary(language) === primary(parsed.value)) ?? parsed.value };
  };
}
