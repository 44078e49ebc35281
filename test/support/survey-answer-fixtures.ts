import type { MongoHandle } from '../../src/adapters/mongo/connection';
import type { AnswerValue } from '../../src/surveys/question-types';
import { RespondentGateway } from '../../src/temporal/respondent-gateway';
import { call, demoSurveyYaml, yaml } from './api-calls';

// Answered respondents of the demo survey for the tests that read its results. The survey:
// recommend (NPS, with a probe) → satisfaction (1-5) → what-went-wrong (free
// text, only when satisfaction <= 3) → resolved (yes/no) → contact-channel (phone, text, app).
// Respondents and answers are written through the stores as the respondent workflow writes them,
// so the results can be counted by hand:
// - invited 6 (r07 was imported and never contacted), started 5 (r06 never answered), finished 3:
//   completion 3/5;
// - NPS from 10, 9, 3, 8: 2 promoters, 1 detractor of 4 → +25;
// - drop-off: r05 consented and left at recommend (1 of 5), r04 at satisfaction (1 of 4);
// - contact-channel: phone 2 (r02's by voice, in a second session), app 1, text 0;
// - r01 answered satisfaction 3, then 5: the later answer counts, so what-went-wrong is not on
//   r01's path; r03 declined what-went-wrong, which counts as reached and answered.

export const T0 = Date.UTC(2026, 11, 1, 15, 0, 0);
export const MINUTE = 60_000;

interface Given {
  question: string;
  value: AnswerValue | null;
  minute: number;
  outcome?: 'answered' | 'dont-know' | 'refused' | 'not-understood';
  part?: 'answer' | 'probe';
  channel?: 'sms' | 'voice';
}

interface Person {
  ref: string;
  agent: string;
  invited?: boolean;
  consentedMinute?: number;
  voiceSessionMinute?: number;
  answers: Given[];
}

const people: Person[] = [
  {
    ref: 'r01',
    agent: 'ana',
    answers: [
      { question: 'recommend', value: 10, minute: 1 },
      { question: 'satisfaction', value: 3, minute: 2 },
      { question: 'satisfaction', value: 5, minute: 3 },
      { question: 'resolved', value: true, minute: 4 },
      { question: 'contact-channel', value: 'phone', minute: 5 },
    ],
  },
  {
    ref: 'r02',
    agent: 'bo',
    voiceSessionMinute: 60,
    answers: [
      { question: 'recommend', value: 9, minute: 1 },
      { question: 'satisfaction', value: 4, minute: 2 },
      { question: 'resolved', value: true, minute: 3 },
      { question: 'contact-channel', value: 'phone', minute: 61, channel: 'voice' },
    ],
  },
  {
    ref: 'r03',
    agent: 'ana',
    answers: [
      { question: 'recommend', value: 3, minute: 1 },
      { question: 'recommend', value: 'the wait, always the wait', minute: 2, part: 'probe' },
      { question: 'satisfaction', value: 2, minute: 3 },
      { question: 'what-went-wrong', value: null, minute: 4, outcome: 'refused' },
      { question: 'resolved', value: false, minute: 5 },
      { question: 'contact-channel', value: 'app', minute: 6 },
    ],
  },
  { ref: 'r04', agent: 'ana', answers: [{ question: 'recommend', value: 8, minute: 1 }] },
  { ref: 'r05', agent: 'bo', consentedMinute: 1, answers: [] },
  { ref: 'r06', agent: 'bo', answers: [] },
  { ref: 'r07', agent: 'bo', invited: false, answers: [] },
];

/** The demo survey stored under `surveyId` through the API, and the people above as respondents of it with their answers. */
export async function storeAnsweredSurvey(service: { httpUrl?: string; mongo: MongoHandle }, surveyId: string): Promise<void> {
  const applied = await call(service.httpUrl!, 'PUT', '/surveys', yaml(demoSurveyYaml(surveyId)));
  if (applied.status !== 201) throw new Error(`PUT /surveys answered ${applied.status}: ${JSON.stringify(applied.body)}`);
  for (const person of people) await storeRespondent(service, surveyId, person);
}

/** The respondent as the import stores them, the mirror their workflow keeps, and their answers as the conversation records them. */
async function storeRespondent(service: { mongo: MongoHandle }, surveyId: string, person: Person): Promise<void> {
  const { respondents, surveyAnswers } = service.mongo.repositories;
  const workflowId = RespondentGateway.workflowId(surveyId, person.ref);
  await respondents.storeOnce({
    workflowId,
    surveyId,
    respondentRef: person.ref,
    phone: '+12125550100',
    timeZone: 'America/New_York',
    language: 'en',
    artificialVoiceConsent: false,
    surveyVersion: 1,
    hidden: { order: `A-${person.ref}`, agent: person.agent },
  });
  if (person.invited === false) return;
  const sessions = [{ channel: 'sms', startedAt: T0 }, ...(person.voiceSessionMinute ? [{ channel: 'voice', startedAt: T0 + person.voiceSessionMinute * MINUTE }] : [])];
  const consentedAt = person.consentedMinute === undefined ? undefined : T0 + person.consentedMinute * MINUTE;
  await respondents.saveStatus({ workflowId, status: 'in-survey', invitedAt: T0, consentedAt, sessions });
  for (const [index, given] of person.answers.entries()) {
    const outcome = given.outcome ?? 'answered';
    await surveyAnswers.record({
      answerKey: `${workflowId}/${index}`,
      workflowId,
      surveyId,
      surveyVersion: 1,
      questionId: given.question,
      part: given.part ?? 'answer',
      outcome,
      value: given.value,
      utterance: given.value === null ? "I'd rather not say" : String(given.value),
      confidence: outcome === 'answered' ? 0.9 : 0,
      confirmed: false,
      early: false,
      channel: given.channel ?? 'sms',
      language: 'en',
      elapsedMs: 1500,
      reasks: 0,
      answeredAt: T0 + given.minute * MINUTE,
    });
  }
}
