import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { RespondentGateway } from '../../src/temporal/respondent-gateway';
import type { AnswerValue } from '../../src/surveys/question-types';
import { integrationConfig } from '../support/integration-env';
import { call, demoSurveyYaml, runCli, yaml, apiKeyFor, authHeaders } from '../support/api-calls';

// The demo survey: recommend (NPS, with a probe) → satisfaction (1-5) → what-went-wrong (free
// text, only when satisfaction <= 3) → resolved (yes/no) → contact-channel (phone, text, app).
// Respondents and answers are written through the stores as the respondent workflow writes them,
// so the figures below can be counted by hand:
// - invited 6 (r07 was imported and never contacted), started 5 (r06 never answered), finished 3:
//   completion 3/5;
// - NPS from 10, 9, 3, 8: 2 promoters, 1 detractor of 4 → +25;
// - drop-off: r05 consented and left at recommend (1 of 5), r04 at satisfaction (1 of 4);
// - contact-channel: phone 2 (r02's by voice, in a second session), app 1, text 0;
// - r01 answered satisfaction 3, then 5: the later answer counts, so what-went-wrong is not on
//   r01's path; r03 declined what-went-wrong, which counts as reached and answered.

const T0 = Date.UTC(2026, 11, 1, 15, 0, 0);
const MINUTE = 60_000;

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

describe('survey results over HTTP and the CLI', () => {
  let service: RunningService;
  let url: string;
  let scratch: string;
  const surveyId = `results-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    service = await startService(integrationConfig('survey-results'), createLogger('warn', { pretty: false }), { api: true, worker: false });
    await apiKeyFor(service);
    url = service.httpUrl!;
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-survey-results-'));
    const applied = await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(surveyId)));
    if (applied.status !== 201) throw new Error(`PUT /surveys answered ${applied.status}: ${JSON.stringify(applied.body)}`);
    for (const person of people) await storeRespondent(service, surveyId, person);
  });
  afterAll(async () => {
    await service?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('when the results are read, then they give the response and completion rates, NPS, drop-off and choice counts', async () => {
    const response = await call(url, 'GET', `/surveys/${surveyId}/results`);
    expect(response.status).toBe(200);
    const { overall } = response.body.all;
    expect(overall).toMatchObject({ invited: 6, started: 5, finished: 3, completionRate: 0.6 });
    expect(overall.responseRate).toBeCloseTo(5 / 6);
    const question = (id: string) => overall.questions.find((q: { id: string }) => q.id === id);
    expect(question('recommend').stats).toMatchObject({ type: 'nps', promoters: 2, passives: 1, detractors: 1, score: 25 });
    expect(question('recommend')).toMatchObject({ reached: 5, droppedOff: 1, dropOffRate: 0.2 });
    expect(question('recommend').probes).toEqual([expect.objectContaining({ respondentId: 'r03', text: 'the wait, always the wait' })]);
    expect(question('satisfaction')).toMatchObject({ reached: 4, droppedOff: 1, dropOffRate: 0.25 });
    expect(question('what-went-wrong')).toMatchObject({ reached: 1, droppedOff: 0, answered: 1 });
    const choices = Object.fromEntries(question('contact-channel').stats.bars.map((bar: { key: string; count: number }) => [bar.key, bar.count]));
    expect(choices).toEqual({ phone: 2, text: 0, app: 1 });
  });

  it('when the results are grouped by a declared hidden field, then each value is a group', async () => {
    const response = await call(url, 'GET', `/surveys/${surveyId}/results?groupBy=hidden.agent&version=1`);
    expect(response.status).toBe(200);
    expect(response.body.all.by).toBe('hidden.agent');
    const groups = Object.fromEntries(response.body.all.groups.map((group: { key: string; results: { invited: number; finished: number } }) => [group.key, group.results]));
    expect(groups.ana).toMatchObject({ invited: 3, started: 3, finished: 2 });
    expect(groups.bo).toMatchObject({ invited: 3, started: 2, finished: 1 });
  });

  it("when one question's results are asked, then only that question is shown beside the whole survey's rates; an unknown question id is a 404 naming the survey's questions", async () => {
    const one = await call(url, 'GET', `/surveys/${surveyId}/results?question=recommend`);
    expect(one.status).toBe(200);
    expect(one.body.all.overall).toMatchObject({ invited: 6, started: 5, finished: 3 });
    expect(one.body.all.overall.questions.map((q: { id: string }) => q.id)).toEqual(['recommend']);
    expect(one.body.versions[0].overall.questions.map((q: { id: string }) => q.id)).toEqual(['recommend']);

    const unknown = await call(url, 'GET', `/surveys/${surveyId}/results?question=favourite-colour`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/no question 'favourite-colour' \(its questions: recommend, satisfaction, what-went-wrong, resolved, contact-channel\)/);
  });

  it('when the responses are paged, then the cursor leads through every respondent in order with their answers', async () => {
    const first = await call(url, 'GET', `/surveys/${surveyId}/responses?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.responses.map((r: { respondentId: string }) => r.respondentId)).toEqual(['r01', 'r02', 'r03']);
    expect(first.body.next).toBe('r03');
    const r03 = first.body.responses[2];
    expect(r03.answers).toHaveLength(5);
    expect(r03.answers[0]).toMatchObject({ questionId: 'recommend', value: 3, outcome: 'answered', probe: { raw: 'the wait, always the wait' } });
    expect(r03.answers[2]).toMatchObject({ questionId: 'what-went-wrong', value: null, outcome: 'refused' });

    const second = await call(url, 'GET', `/surveys/${surveyId}/responses?limit=3&after=${first.body.next}`);
    expect(second.body.responses.map((r: { respondentId: string }) => r.respondentId)).toEqual(['r04', 'r05', 'r06']);
    const last = await call(url, 'GET', `/surveys/${surveyId}/responses?limit=3&after=${second.body.next}`);
    expect(last.body.responses).toEqual([expect.objectContaining({ respondentId: 'r07', invitedAt: null, answers: [] })]);
    expect(last.body.next).toBeUndefined();
  });

  it('when the answers are exported as CSV, then it is a named file with a header and a row per final answer', async () => {
    const response = await fetch(`${url}/surveys/${surveyId}/export?format=csv`, { headers: authHeaders(url) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${surveyId}-v1-answers.csv"`);
    const rows = (await response.text()).split('\r\n');
    expect(rows[0]).toBe('respondent,version,channel,language,hidden.order,hidden.agent,question,value,raw,confidence,confirmed,ms,reasks,answeredAt,probe');
    expect(rows).toContain(`r03,1,sms,en,A-r03,ana,recommend,3,3,0.9,false,1500,0,${new Date(T0 + MINUTE).toISOString()},"the wait, always the wait"`);
    expect(rows.filter((row) => row.startsWith('r01,'))).toHaveLength(4);
  });

  it('when the answers are exported as NDJSON, then there is one line per contacted respondent', async () => {
    const response = await fetch(`${url}/surveys/${surveyId}/export?format=ndjson`, { headers: authHeaders(url) });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { respondentId: string; finished: boolean });
    expect(lines.map((line) => line.respondentId)).toEqual(['r01', 'r02', 'r03', 'r04', 'r05', 'r06']);
    expect(lines.filter((line) => line.finished)).toHaveLength(3);
  });

  it.each([
    ['results?groupBy=colour', 'groupBy'],
    ['results?groupBy=hidden.colour', 'groupBy'],
    ['results?version=0', 'version'],
    ['results?sort=nps', 'sort'],
    ['responses?limit=0', 'limit'],
    ['responses?limit=501', 'limit'],
    ['export?format=xlsx', 'format'],
  ])('when %s is asked, then it answers 400 naming %s', async (query, parameter) => {
    const response = await call(url, 'GET', `/surveys/${surveyId}/${query}`);
    expect(response.status).toBe(400);
    expect(response.body.details.map((detail: { path: string }) => detail.path)).toEqual([parameter]);
  });

  it('when a hidden field the survey does not declare is asked for, then the message names the declared ones', async () => {
    const response = await call(url, 'GET', `/surveys/${surveyId}/results?groupBy=hidden.colour`);
    expect(response.body.message).toContain('hidden.order, hidden.agent');
  });

  it.each(['results', 'responses', 'export', 'results?version=9'])('when %s of an unknown survey or version is asked, then it answers 404', async (what) => {
    const id = what.includes('version') ? surveyId : 'no-such-survey';
    const response = await call(url, 'GET', `/surveys/${id}/${what}`);
    expect(response.status).toBe(404);
  });

  // Each bin/parley run loads the CLI through tsx: tens of seconds on a busy 2-core machine.
  const cliTimeout = 240_000;

  it('when `parley survey results` is run, then it prints the table; an unknown survey exits 2', async () => {
    const [shown, unknown] = await Promise.all([
      runCli(['survey', 'results', surveyId, '--group-by', 'hidden.agent'], { PARLEY_API_URL: url }),
      runCli(['survey', 'results', 'no-such-survey'], { PARLEY_API_URL: url }),
    ]);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Northwind support satisfaction');
    expect(shown.stdout).toContain('completion rate 60% (3 finished)');
    expect(shown.stdout).toContain('NPS +25');
    expect(shown.stdout).toMatch(/^hidden\.agent\s+invited/m);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no survey 'no-such-survey'");
  }, cliTimeout);

  it('when `parley survey results --csv FILE` is run, then the file holds the export; a bad group exits 2', async () => {
    const file = path.join(scratch, 'answers.csv');
    const [exported, badGroup] = await Promise.all([
      runCli(['survey', 'results', surveyId, '--csv', file], { PARLEY_API_URL: url }),
      runCli(['survey', 'results', surveyId, '--group-by', 'hidden.colour'], { PARLEY_API_URL: url }),
    ]);
    expect(exported.code).toBe(0);
    const served = await (await fetch(`${url}/surveys/${surveyId}/export?format=csv`, { headers: authHeaders(url) })).text();
    expect(readFileSync(file, 'utf8')).toBe(served);
    expect(badGroup.code).toBe(2);
    expect(badGroup.stderr).toContain('groupBy');
  }, cliTimeout);

  it('when /openapi.json is read, then it documents the results, responses and export routes', async () => {
    const { body } = await call(url, 'GET', '/openapi.json');
    const results = body.paths['/surveys/{surveyId}/results'].get;
    expect(results.parameters.map((p: { name: string }) => p.name)).toEqual(['surveyId', 'groupBy', 'version', 'question']);
    expect(body.paths['/surveys/{surveyId}/responses'].get.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 500, default: 100 });
    expect(Object.keys(body.paths['/surveys/{surveyId}/export'].get.responses[200].content)).toEqual(['text/csv', 'application/x-ndjson']);
  });
});

/** The respondent as the import stores them, the mirror their workflow keeps, and their answers as the conversation records them. */
async function storeRespondent(service: RunningService, surveyId: string, person: Person): Promise<void> {
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
