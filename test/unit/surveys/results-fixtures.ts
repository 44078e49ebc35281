import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCampaignDocument } from '../../../src/campaigns/campaign-document';
import type { AnswerValue } from '../../../src/surveys/question-types';
import type { RespondentAnswer, RespondentRecord, SurveyChannel } from '../../../src/surveys/results/respondent-record';
import type { Survey } from '../../../src/surveys/survey-schema';
import { validateSurvey } from '../../../src/surveys/survey-validation';

// Respondents of the demo survey (recommend → satisfaction → what-went-wrong when satisfaction ≤ 3
// → resolved, which ends the survey for agent 'self-service' → contact-channel), written answer by
// answer so that the expected figures can be counted by hand.

export const T0 = Date.UTC(2026, 11, 1, 15, 0, 0);
const MINUTE = 60_000;

export function demoSurvey(): Survey {
  const text = readFileSync(join(__dirname, '../../../examples/surveys/satisfaction-demo.yaml'), 'utf8');
  return surveyFrom(parseCampaignDocument(text, 'yaml'));
}

export function surveyFrom(document: unknown): Survey {
  const validation = validateSurvey(document);
  if (!validation.ok) throw new Error(validation.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  return validation.survey;
}

/** An answer taken at T0 + `minute` minutes, by text unless told. */
export function answer(questionId: string, value: AnswerValue | null, minute: number, more: Partial<RespondentAnswer> = {}): RespondentAnswer {
  return {
    questionId,
    raw: value === null ? "I'd rather not say" : String(value),
    value,
    confidence: 0.95,
    confirmed: false,
    channel: 'sms',
    ms: 2000,
    reasks: 0,
    answeredAt: T0 + minute * MINUTE,
    ...more,
  };
}

/** A respondent invited by text at T0 with agent 'ana', and one contact per channel their answers use. */
export function respondent(respondentId: string, answers: RespondentAnswer[], more: Partial<RespondentRecord> = {}): RespondentRecord {
  const channels: SurveyChannel[] = ['sms', ...answers.map((given) => given.channel).filter((channel) => channel !== 'sms')];
  return {
    respondentId,
    surveyId: 'satisfaction-demo',
    surveyVersion: 1,
    language: 'en',
    hidden: { order: 'A-100', agent: 'ana' },
    invitedAt: T0,
    sessions: [...new Set(channels)].map((channel, index) => ({ channel, startedAt: T0 + index * 60 * MINUTE })),
    answers,
    ...more,
  };
}

/** Answers to every question on the way, in order, one minute apart. */
export function answered(values: Record<string, AnswerValue | null>, more: Partial<RespondentAnswer> = {}): RespondentAnswer[] {
  return Object.entries(values).map(([questionId, value], minute) => answer(questionId, value, minute, more));
}

/**
 * Ten respondents: 8 started, 5 finished. NPS scores 10 9 7 3 8 6 10: 3 promoters, 2 detractors
 * of 7. Satisfaction 5 5 2 1 3 5. Drop-off: r7 at recommend, r6 at satisfaction, r5 at
 * what-went-wrong.
 */
export function tenRespondents(): RespondentRecord[] {
  return [
    respondent('r1', answered({ recommend: 10, satisfaction: 5, resolved: true, 'contact-channel': 'phone' })),
    respondent('r2', answered({ recommend: 9, satisfaction: 5, resolved: true, 'contact-channel': 'text' })),
    respondent('r3', answered({ recommend: 7, satisfaction: 2, 'what-went-wrong': 'waited half an hour, on hold', resolved: false, 'contact-channel': 'app' })),
    respondent('r4', answered({ recommend: 3, satisfaction: 1, 'what-went-wrong': null, resolved: false, 'contact-channel': 'phone' })),
    respondent('r5', answered({ recommend: 8, satisfaction: 3 })),
    respondent('r6', answered({ recommend: 6 })),
    respondent('r7', [], { consentedAt: T0 + MINUTE }),
    respondent('r8', []),
    respondent('r9', []),
    respondent('r10', answered({ recommend: 10, satisfaction: 5, resolved: true }), { hidden: { order: 'A-110', agent: 'self-service' } }),
  ];
}
