import {
  artificialVoiceWithoutConsent,
  cadenceChecks,
  handOffsWithoutAPerson,
  stepsNameTheirTemplates,
  wordingProblems,
  type WordingRules,
} from '../campaigns/contact-policy-validation';
import { repeatedIds, validateDocument, type FieldError, type RelationCheck } from '../campaigns/document-validation';
import { experimentProblems } from '../campaigns/experiment-validation';
import { logicProblems } from './survey-logic';
import { surveySchema, type Survey, type SurveyDocumentQuestion as Question } from './survey-schema';

// Validation of a survey document: the field rules of survey-schema.ts and the relation checks
// below, every problem at once, each with its path and a reason in plain words, as for campaigns.

export type { FieldError } from '../campaigns/document-validation';

export type SurveyValidation = { ok: true; survey: Survey } | { ok: false; errors: FieldError[] };

export function validateSurvey(input: unknown): SurveyValidation {
  const validation = validateDocument(surveySchema, relationChecks, input);
  return validation.ok ? { ok: true, survey: validation.document } : validation;
}

type Check = RelationCheck<Survey>;

/** What wording may fill in: the respondent's first name, the survey's name and declared hidden fields. */
const wordingPlaceholders = ['firstName', 'surveyName'];

function wordingRules({ languages, hiddenFields }: Partial<Survey>, needs: string, extra: readonly string[] = []): WordingRules | undefined {
  if (!languages) return undefined;
  const hidden = hiddenFields?.map((field) => `hidden.${field}`);
  const suggested = [...wordingPlaceholders, ...extra, ...(hidden ?? [])];
  // A hidden field in an invalid hiddenFields section is reported there, not at every use.
  const fills = (name: string) => suggested.includes(name) || (hidden === undefined && name.startsWith('hidden.'));
  return { kind: 'survey', languages, needs, fills, suggested };
}

const textsTakeNoPlaceholders = (languages: readonly string[], needs: string): WordingRules => ({
  kind: 'survey',
  languages,
  needs,
  fills: () => false,
  suggested: [],
});

/** Help, opt-out, introduction and closing are written in exactly the survey's languages. */
const surveyTextsInEveryLanguage: Check = (survey) => {
  const { languages, helpText, optOutText, introduction, closing } = survey;
  if (!languages) return [];
  // Built-in opt-out wording covers more languages than a survey declares: only its own count.
  const fixed = { helpText, optOutText: optOutText && Object.fromEntries(Object.entries(optOutText).filter(([language]) => languages.includes(language))) };
  const spoken = wordingRules(survey, 'the survey needs its words');
  return [
    ...Object.entries(fixed).flatMap(([section, texts]) =>
      texts ? wordingProblems(section, texts, textsTakeNoPlaceholders(languages, `the survey needs its ${section}`)) : [],
    ),
    ...(introduction && spoken ? wordingProblems('introduction', introduction, { ...spoken, needs: 'the survey needs its introduction' }) : []),
    ...(closing && spoken ? wordingProblems('closing', closing, { ...spoken, needs: 'the survey needs its closing' }) : []),
  ];
};

const templatesFitTheSurvey: Check = (survey) => {
  const rules = wordingRules(survey, 'every template needs a text', ['optOutText']);
  if (!rules || !survey.templates) return [];
  return Object.entries(survey.templates).flatMap(([templateId, template]) => wordingProblems(`templates.${templateId}.text`, template.text, rules));
};

/** Each arm's introduction is worded as the survey's own is; templates and hours are checked as for campaigns. */
const experimentsFitTheSurvey: Check = (survey) => {
  const spoken = wordingRules(survey, 'an arm that words the introduction words it in every survey language');
  return experimentProblems(survey, wordingRules(survey, 'every template needs a text', ['optOutText']), (arm, at) =>
    arm.introduction && spoken ? wordingProblems(`${at}.introduction`, arm.introduction as Record<string, string>, spoken) : [],
  );
};

const stepsReferToTemplates: Check = ({ cadence, templates }) =>
  cadence && templates
    ? stepsNameTheirTemplates(cadence.steps, templates, (step) => (step.channel === 'sms' ? { field: 'template', templateId: step.template } : null))
    : [];

const idsAreUnique: Check = ({ cadence, questions }) => [
  ...(cadence ? repeatedIds(cadence.steps, 'cadence.steps', 'step') : []),
  ...(questions ? repeatedIds(questions, 'questions', 'question') : []),
  ...(questions ?? []).flatMap((question, index) =>
    'choices' in question ? repeatedIds(question.choices, `questions.${index}.choices`, 'choice of this question') : [],
  ),
];

interface WordedField {
  /** The path below the question. */
  field: string;
  texts: Readonly<Record<string, string>> | undefined;
  needs: string;
}

/** Every text a question speaks or writes; absent optional ones are undefined. */
function questionWording(question: Question): WordedField[] {
  return [
    { field: 'text', texts: question.text, needs: 'every question needs its text' },
    { field: 'spoken', texts: question.spoken, needs: 'a spoken form, once given, is needed' },
    { field: 'probe', texts: question.probe, needs: 'a probe, once given, is needed' },
    ...('unit' in question ? [{ field: 'unit', texts: question.unit, needs: 'a unit, once given, is needed' }] : []),
    ...('choices' in question
      ? question.choices.map((choice, index) => ({ field: `choices.${index}.label`, texts: choice.label, needs: 'every choice needs its label' }))
      : []),
    ...(question.type === 'rating'
      ? Object.entries(question.scale.labels).map(([point, label]) => ({ field: `scale.labels.${point}`, texts: label, needs: 'a scale label, once given, is needed' }))
      : []),
  ];
}

const questionsInEveryLanguage: Check = (survey) => {
  const rules = wordingRules(survey, '');
  if (!rules || !survey.questions) return [];
  return survey.questions.flatMap((question, index) =>
    questionWording(question).flatMap(({ field, texts, needs }) => (texts ? wordingProblems(`questions.${index}.${field}`, texts, { ...rules, needs }) : [])),
  );
};

/** Scales and ranges run from low to high; labels and choice limits stay within them. */
function rangeProblems(question: Question, path: string): FieldError[] {
  switch (question.type) {
    case 'rating': {
      const { min, max, labels } = question.scale;
      if (min >= max) return [{ path: `${path}.scale.max`, message: `must be greater than min (${min}): a scale needs at least two points` }];
      return Object.keys(labels)
        .map(Number)
        .filter((point) => point < min || point > max)
        .map((point) => ({ path: `${path}.scale.labels.${point}`, message: `labels ${point}, outside the scale ${min} to ${max}` }));
    }
    case 'number':
      return question.range.min > question.range.max ? [{ path: `${path}.range.max`, message: `must be at least min (${question.range.min})` }] : [];
    case 'date': {
      const { earliest, latest } = question.range ?? {};
      return earliest && latest && earliest > latest ? [{ path: `${path}.range.latest`, message: `must not be before earliest (${earliest})` }] : [];
    }
    case 'multiple-choice':
      return question.maxChoices !== undefined && question.maxChoices > question.choices.length
        ? [{ path: `${path}.maxChoices`, message: `is ${question.maxChoices}, but the question has only ${question.choices.length} choices` }]
        : [];
    default:
      return [];
  }
}

const rangesAreOrdered: Check = ({ questions }) => (questions ?? []).flatMap((question, index) => rangeProblems(question, `questions.${index}`));

const logicIsSound: Check = ({ questions, hiddenFields }) => (questions ? logicProblems(questions, hiddenFields) : []);

/** A threshold outside a rating's scale would make everyone, or nobody, a detractor on it. */
const thresholdFitsTheRatings: Check = ({ detractorThreshold, questions }) => {
  if (detractorThreshold === undefined || !questions) return [];
  const outside = questions.filter(
    (question) => question.type === 'rating' && (detractorThreshold < question.scale.min || detractorThreshold >= question.scale.max),
  );
  return outside.length > 0
    ? [{ path: 'detractorThreshold', message: `is ${detractorThreshold}, not within the scale of ${outside.map((question) => `'${question.id}'`).join(', ')} (from its min up to below its max)` }]
    : [];
};

const tcpaConsent: Check = (survey) => artificialVoiceWithoutConsent(survey, 'survey');

const humansHaveARoute: Check = (survey) => handOffsWithoutAPerson(survey, [], 'respondents');

const relationChecks: Check[] = [
  surveyTextsInEveryLanguage,
  templatesFitTheSurvey,
  stepsReferToTemplates,
  idsAreUnique,
  ...cadenceChecks,
  tcpaConsent,
  humansHaveARoute,
  questionsInEveryLanguage,
  rangesAreOrdered,
  logicIsSound,
  thresholdFitsTheRatings,
  experimentsFitTheSurvey,
];
