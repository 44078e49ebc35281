import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, demoCampaignYaml, demoSurveyYaml, runCli, yaml } from '../support/api-calls';

const uniqueId = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

describe('the survey document API over HTTP', () => {
  let stack: CollectionsStack;
  let url: string;
  let scratch: string;

  beforeAll(async () => {
    // Documents only: no workflow runs here, so no worker.
    stack = await startCollectionsStack('survey-api', { worker: false });
    url = stack.service.httpUrl!;
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-survey-api-'));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const stored = async (id: string) => ({
    versions: await stack.service.mongo.models.campaignVersions.countDocuments({ campaignId: id }),
    states: await stack.service.mongo.models.campaigns.countDocuments({ campaignId: id }),
  });

  /** The demo survey with a bad jurisdiction, an unknown field, a condition on a later answer and a hidden field dropped that the wording and logic use. */
  const badSurvey = (id: string) => {
    const document = parseYaml(demoSurveyYaml(id));
    document.jurisdiction = 'USA';
    document.colour = 'blue';
    document.hiddenFields = ['order'];
    document.questions[2].askWhen = 'resolved == true';
    return document;
  };
  const badPaths = ['jurisdiction', 'colour', 'questions.2.askWhen', 'questions.3.next.0.when', 'questions.4.text.en', 'questions.4.text.zh-CN'];

  it('when a valid survey is validated, then it answers 200 valid and saves nothing', async () => {
    const id = uniqueId('valid');
    expect(await call(url, 'POST', '/surveys/validate', yaml(demoSurveyYaml(id)))).toEqual({ status: 200, body: { valid: true } });
    expect(await stored(id)).toEqual({ versions: 0, states: 0 });
  });

  it('when a survey is applied, then it answers 201, re-applying it (as YAML or JSON) 200 unchanged, and it reads back', async () => {
    const id = uniqueId('apply');
    const first = await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(id)));
    expect(first).toEqual({ status: 201, body: { surveyId: id, version: 1, created: true } });

    const again = await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(id)));
    expect(again).toEqual({ status: 200, body: { surveyId: id, version: 1, created: false } });
    const asJson = await call(url, 'PUT', '/surveys', parseYaml(demoSurveyYaml(id)));
    expect(asJson).toEqual({ status: 200, body: { surveyId: id, version: 1, created: false } });
    expect(await stored(id)).toEqual({ versions: 1, states: 1 });

    const read = await call(url, 'GET', `/surveys/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ surveyId: id, version: 1, latestVersion: 1, name: 'Northwind support satisfaction', paused: false });
    expect(read.body.document).toMatchObject({ kind: 'survey', id, hiddenFields: ['order', 'agent'], languages: ['en', 'zh-CN'] });
    expect((await call(url, 'GET', `/surveys/${id}?version=1`)).body.version).toBe(1);
    expect((await call(url, 'GET', `/surveys/${id}?version=2`)).status).toBe(404);
    expect((await call(url, 'GET', `/surveys/${id}?version=first`)).status).toBe(400);
  });

  it('when a survey with several bad fields is validated or applied, then it answers 422 with every path and nothing is saved', async () => {
    const id = uniqueId('bad');
    const validated = await call(url, 'POST', '/surveys/validate', badSurvey(id));
    expect(validated.status).toBe(422);
    expect(validated.body.valid).toBe(false);
    expect(validated.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...badPaths].sort());

    const applied = await call(url, 'PUT', '/surveys', badSurvey(id));
    expect(applied.status).toBe(422);
    expect(applied.body.error).toBe('invalid_survey');
    expect(applied.body.details.map((d: { path: string }) => d.path).sort()).toEqual([...badPaths].sort());
    expect(applied.body.details.find((d: { path: string }) => d.path === 'questions.2.askWhen').message).toContain("refers to 'resolved'");
    expect(await stored(id)).toEqual({ versions: 0, states: 0 });
    expect((await call(url, 'GET', `/surveys/${id}`)).status).toBe(404);
  });

  it('when the YAML has a syntax error or the body is empty, then it answers 400 and nothing is saved', async () => {
    const id = uniqueId('syntax');
    const broken = `kind: survey\nid: ${id}\nquestions: [\n  { id: a, type: nps\n`;
    const applied = await call(url, 'PUT', '/surveys', yaml(broken));
    expect(applied.status).toBe(400);
    expect(applied.body).toMatchObject({ error: 'malformed_document', message: expect.stringMatching(/^YAML syntax error at line \d+, column \d+/) });
    expect(await stored(id)).toEqual({ versions: 0, states: 0 });

    const empty = await call(url, 'POST', '/surveys/validate', yaml('  \n'));
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('send the survey document as the body');
  });

  it("when a survey takes a collections campaign's id, then it answers 409 and each kind is read only at its own path", async () => {
    const id = uniqueId('shared-id');
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(id)))).status).toBe(201);

    const survey = await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(id)));
    expect(survey.status).toBe(409);
    expect(survey.body).toMatchObject({ error: 'conflict', details: [{ path: 'id', message: 'is taken by a collections document' }] });
    expect(await stored(id)).toEqual({ versions: 1, states: 1 });

    const asSurvey = await call(url, 'GET', `/surveys/${id}`);
    expect(asSurvey.status).toBe(404);
    expect(asSurvey.body.message).toContain(`'${id}' is a collections campaign, not a survey`);

    const surveyId = uniqueId('a-survey');
    await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(surveyId)));
    const asCampaign = await call(url, 'GET', `/campaigns/${surveyId}`);
    expect(asCampaign.status).toBe(404);
    expect(asCampaign.body.message).toBe(`'${surveyId}' is a survey, not a collections campaign: GET /surveys/${surveyId}`);
  });

  it('when /openapi.json is read, then it describes the survey document and import routes', async () => {
    const { body } = await call(url, 'GET', '/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/surveys/validate', '/surveys', '/surveys/{surveyId}', '/surveys/{surveyId}/respondents']));
    expect(body.paths['/surveys'].put.responses).toHaveProperty('409');
    expect(body.paths['/surveys/{surveyId}/respondents'].post.responses).toMatchObject({ 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ImportReport' } } } } });
    expect(body.components.schemas.SurveyDocument.properties).toHaveProperty('hiddenFields');
    expect(body.components.schemas.RespondentImportRow.required).toEqual(['respondent_ref', 'phone']);
  });

  it('when `parley survey apply` reads a bad file, then it exits 2 naming each path; a good one exits 0 with its version', async () => {
    const bad = path.join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify(badSurvey(uniqueId('cli-bad'))));
    const refused = await runCli(['survey', 'apply', bad], { PARLEY_API_URL: url });
    expect(refused.code).toBe(2);
    for (const badPath of badPaths) expect(refused.stderr).toContain(`  ${badPath}: `);

    const id = uniqueId('cli-good');
    const good = path.join(scratch, 'good.yaml');
    writeFileSync(good, demoSurveyYaml(id));
    expect(await runCli(['survey', 'apply', good], { PARLEY_API_URL: url })).toMatchObject({ code: 0, stdout: `survey ${id}: version 1 saved\n` });
    expect(await runCli(['survey', 'apply', good], { PARLEY_API_URL: url })).toMatchObject({ code: 0, stdout: `survey ${id}: unchanged, version 1 is the latest\n` });
  });
});
