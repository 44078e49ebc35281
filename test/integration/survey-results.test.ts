import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { integrationConfig } from '../support/integration-env';
import { call, runCli, apiKeyFor, authHeaders } from '../support/api-calls';
import { MINUTE, storeAnsweredSurvey, T0 } from '../support/survey-answer-fixtures';

// The respondents and their answers, and the figures below counted by hand: test/support/survey-answer-fixtures.ts.

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
    await storeAnsweredSurvey(service, surveyId);
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
