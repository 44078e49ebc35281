import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { applySurvey } from '../use-cases/surveys';
import { importRespondents } from '../use-cases/import-respondents';
import { surveyResults } from '../use-cases/survey-results';
import type { UseCaseDeps } from '../use-cases/use-case-deps';
import { renderResultsTable } from '../surveys/results/results-table';
import type { TwilioSimulator } from '../simulator';
import { respondentOutcomes } from '../../workflows/respondent/respondent.messages';
import { repoRoot } from './child-process';
import { describeCallTranscript, describeText, followPeople, personLines, pollWhileRunning, type PersonLine, type RunningDemo } from './demo-lines';

// The survey `npm start` runs beside the collections demo: a short satisfaction survey by text and
// by phone, a few simulated respondents in English and Chinese, each answer printed as it is
// stored, and the results table once everyone is done.

const surveyId = 'satisfaction-minutes';

// 555-02xx: reserved for fiction, apart from the collections demo's 555-01xx.
const respondents = [
  { persona: 'survey-sms-complete', name: 'Avery', phone: '+12025550201', language: 'en', order: 'A-1001' },
  { persona: 'survey-sms-complete-zh', name: 'Li Na', phone: '+12025550202', language: 'zh-CN', order: 'A-1002' },
  { persona: 'survey-sms-detractor', name: 'Sam', phone: '+12025550203', language: 'en', order: 'A-1003' },
  { persona: 'survey-sms-stopper', name: 'Dana', phone: '+12025550204', language: 'en', order: 'A-1004' },
  // Consent to calls with an artificial voice: the follow-up call conducts the survey by phone.
  { persona: 'survey-voice-complete', name: 'Jordan', phone: '+12025550205', language: 'en', order: 'A-1005', voice: true },
  { persona: 'survey-voice-complete-zh', name: 'Wang Fang', phone: '+12025550206', language: 'zh-CN', order: 'A-1006', voice: true },
  { persona: 'survey-voice-dropout', name: 'Casey', phone: '+12025550207', language: 'en', order: 'A-1007', voice: true },
];

export async function runSurveyDemo(deps: UseCaseDeps, simulator: TwilioSimulator, zone: string, print: (line: string) => void): Promise<RunningDemo> {
  const applied = await applySurvey(deps, readFileSync(path.join(repoRoot, 'examples', 'surveys', 'demo-minutes.yaml'), 'utf8'), 'yaml', 'parley dev demo');
  const people = new Map(respondents.map((r) => [r.phone, r]));
  for (const respondent of respondents) simulator.people.assign(respondent.phone, respondent.persona);
  const line = personLines(people, print);
  const unsubscribe = followPeople(simulator, people, (event) => {
    if (event.type === 'message') describeText(event.message, line);
    if (event.type === 'call-status' && ['in-progress', 'completed', 'no-answer'].includes(event.status)) line(event.phone, `CALL   ${event.status}`);
    if (event.type === 'call-transcript') describeCallTranscript(event.phone, event.entry, line);
  });

  const rows = respondents.map((r, i) => [`survey-${i + 1}`, r.phone, zone, r.language, r.name, r.order, 'Jamie', 'voice' in r ? 'yes' : 'no'].join(','));
  const csv = `respondent_ref,phone,time_zone,language,first_name,order,agent,artificial_voice_consent\n${rows.join('\n')}\n`;
  const report = await importRespondents(deps, surveyId, { stream: Readable.from([csv]), format: 'csv' });
  print(`Demo: survey ${surveyId} v${applied.version} ${applied.created ? 'applied' : 'already applied'}; ${report.started} respondents started, ${report.alreadyImported} already running.`);

  const printed = new Set<string>();
  let resultsShown = false;
  return pollWhileRunning(async () => {
    if (!(await followAnswers(deps, printed, line)) || resultsShown) return;
    resultsShown = true;
    const results = await surveyResults(deps, surveyId, {});
    print(`\nSurvey ${surveyId}: every respondent has finished. Results:\n${renderResultsTable(results, { width: 100 })}`);
  }, unsubscribe);
}

/** Prints each answer and status once, as stored; true once every respondent has reached an outcome. */
async function followAnswers(deps: UseCaseDeps, printed: Set<string>, line: PersonLine): Promise<boolean> {
  const { respondents: stored, surveyAnswers } = deps.mongo.repositories;
  const people = await stored.ofSurvey(surveyId);
  const phoneOf = new Map(people.map((p) => [p.workflowId, p.phone]));
  for (const answer of await surveyAnswers.ofSurvey(surveyId)) {
    if (printed.has(answer.answerKey)) continue;
    printed.add(answer.answerKey);
    const value = answer.value === null ? answer.outcome : JSON.stringify(answer.value);
    line(phoneOf.get(answer.workflowId) ?? answer.workflowId, `ANSWER ${answer.questionId}${answer.part === 'probe' ? ' (why)' : ''} = ${value}  ("${answer.utterance}")`);
  }
  for (const person of people) {
    const key = `${person.workflowId}#${person.status}`;
    if (printed.has(key)) continue;
    printed.add(key);
    line(person.phone, `STATUS  ${person.status}`);
  }
  const ended = new Set<string>(respondentOutcomes);
  return people.length > 0 && people.every((p) => ended.has(p.status));
}
