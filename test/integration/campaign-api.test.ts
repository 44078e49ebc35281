import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { startCollectionsStack, eventually, type CollectionsStack } from '../support/collections-stack';
import { integrationConfig } from '../support/integration-env';
import { call, csv, demoCampaignYaml, runCli, yaml, apiKeyFor, authHeaders } from '../support/api-calls';

const uniqueId = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

describe('the campaign API over HTTP', () => {
  let stack: CollectionsStack;
  let url: string;
  let scratch: string;

  beforeAll(async () => {
    stack = await startCollectionsStack('campaign-api');
    url = stack.service.httpUrl!;
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-campaign-api-'));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const stored = async (campaignId: string) => ({
    versions: await stack.service.mongo.models.campaignVersions.countDocuments({ campaignId }),
    states: await stack.service.mongo.models.campaigns.countDocuments({ campaignId }),
  });

  /** The demo campaign with three fields wrong and one unknown, as a JSON object. */
  const badCampaign = (id: string) => {
    const document = parseYaml(demoCampaignYaml(id));
    document.currency = 'DOLLARS';
    document.contactWindow.start = '7am';
    document.cadence.steps[0].delay.duration = 'P1M';
    document.colour = 'blue';
    return document;
  };

  it('when a valid campaign is validated, then it answers 200 valid and saves nothing', async () => {
    const id = uniqueId('valid');
    const response = await call(url, 'POST', '/campaigns/validate', yaml(demoCampaignYaml(id)));
    expect(response).toEqual({ status: 200, body: { valid: true } });
    expect(await stored(id)).toEqual({ versions: 0, states: 0 });
  });

  it('when a document has several bad fields, then validate answers 422 naming each by its path', async () => {
    const id = uniqueId('bad-fields');
    const response = await call(url, 'POST', '/campaigns/validate', badCampaign(id));
    expect(response.status).toBe(422);
    expect(response.body.valid).toBe(false);
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['currency', 'contactWindow.start', 'cadence.steps.0.delay.duration', 'colour']));
    expect(response.body.errors.find((e: { path: string }) => e.path === 'currency').message).toContain("'DOLLARS'");
  });

  it('when a document with several bad fields is applied, then it answers 422 with every path and nothing is saved', async () => {
    const id = uniqueId('bad-apply');
    const response = await call(url, 'PUT', '/campaigns', badCampaign(id));
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('invalid_campaign');
    expect(response.body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['currency', 'contactWindow.start', 'cadence.steps.0.delay.duration', 'colour']),
    );
    expect(await stored(id)).toEqual({ versions: 0, states: 0 });
  });

  it('when the YAML has a syntax error, then validate and apply answer 400 with its line and nothing is saved', async () => {
    const id = uniqueId('syntax');
    const broken = `id: ${id}\nname: Broken\ncadence:\n  steps: [\n    { id: a, channel: sms\n`;
    const validated = await call(url, 'POST', '/campaigns/validate', yaml(broken));
    expect(validated.status).toBe(400);
    expect(validated.body.error).toBe('malformed_document');
    expect(validated.body.message).toMatch(/^YAML syntax error at line \d+, column \d+/);

    const applied = await call(url, 'PUT', '/campaigns', yaml(broken));
    expect(applied.status).toBe(400);
    expect(await stored(id)).toEqual({ versions: 0, states: 0 });
  });

  it('when the JSON body is malformed, then apply answers 400 with the line and column', async () => {
    const response = await call(url, 'PUT', '/campaigns', { type: 'application/json', content: '{\n  "id": "x",\n  "name": oops\n}' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^JSON syntax error at line 3, column \d+/);
  });

  it('when a campaign is applied, then identical re-applies create nothing and a changed document becomes the next version', async () => {
    const id = uniqueId('versions');
    const first = await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(id)));
    expect(first).toEqual({ status: 201, body: { campaignId: id, version: 1, created: true } });

    const again = await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(id)));
    expect(again).toEqual({ status: 200, body: { campaignId: id, version: 1, created: false } });
    // The same document as JSON is the same document.
    const asJson = await call(url, 'PUT', '/campaigns', parseYaml(demoCampaignYaml(id)));
    expect(asJson.body).toEqual({ campaignId: id, version: 1, created: false });
    expect(await stored(id)).toEqual({ versions: 1, states: 1 });

    const renamed = await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(id, 'Northwind Recoveries')));
    expect(renamed).toEqual({
      status: 201,
      body: { campaignId: id, version: 2, created: true, debtors: { updated: 0, skipped: 0 }, broadcast: { workflowId: `campaign/${id}/broadcast/version`, done: true } },
    });

    const latest = await call(url, 'GET', `/campaigns/${id}`);
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ campaignId: id, version: 2, latestVersion: 2, name: 'Northwind Recoveries', paused: false });
    expect(latest.body.document.contactWindow).toMatchObject({ start: '08:00', end: '21:00' });
    const first1 = await call(url, 'GET', `/campaigns/${id}?version=1`);
    expect(first1.body).toMatchObject({ version: 1, latestVersion: 2, name: 'Northwind Card Services' });
    expect((await call(url, 'GET', `/campaigns/${id}?version=9`)).status).toBe(404);
    expect((await call(url, 'GET', `/campaigns/${id}?version=first`)).status).toBe(400);
  });

  it('when an unknown campaign is read, paused or resumed, then it answers 404', async () => {
    const id = uniqueId('nobody');
    expect((await call(url, 'GET', `/campaigns/${id}`)).status).toBe(404);
    expect((await call(url, 'POST', `/campaigns/${id}/pause`)).status).toBe(404);
    expect((await call(url, 'POST', `/campaigns/${id}/resume`)).status).toBe(404);
  });

  it('when a campaign is paused, then its running debtors pause and imports are refused until it resumes', async () => {
    const id = uniqueId('pausing');
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(id)));
    const imported = await call(url, 'POST', `/campaigns/${id}/debtors/import`, csv('accountRef,fullName,phone,amountDue,dueDate\nP-1,Ada Park,+12125550111,40.00,2026-03-01\n'));
    expect(imported.body).toMatchObject({ started: 1 });
    const workflowId = `debtor/${id}/P-1`;
    // The workflow takes operator actions (a resume among them) once it has loaded its campaign.
    await eventually('the workflow to load its campaign', async () => ((await stack.service.gateway.debtorState(workflowId)).strategy !== 'undecided' ? true : undefined));

    const paused = await call(url, 'POST', `/campaigns/${id}/pause`);
    expect(paused).toEqual({
      status: 200,
      body: { campaignId: id, paused: true, debtors: { updated: 1, skipped: 0 }, broadcast: { workflowId: `campaign/${id}/broadcast/pause`, done: true } },
    });
    expect((await stack.service.gateway.debtorState(workflowId)).paused).toBe(true);
    const refused = await call(url, 'POST', `/campaigns/${id}/debtors/import`, csv('accountRef,fullName,phone,amountDue,dueDate\nP-2,Bo Park,+12125550112,40.00,2026-03-01\n'));
    expect(refused.status).toBe(409);
    expect(await stack.service.mongo.models.debtors.countDocuments({ campaignId: id })).toBe(1);

    const resumed = await call(url, 'POST', `/campaigns/${id}/resume`);
    expect(resumed.body).toMatchObject({ paused: false, debtors: { updated: 1 } });
    await eventually('the debtor to resume', async () => ((await stack.service.gateway.debtorState(workflowId)).paused ? undefined : true));
    expect((await call(url, 'GET', `/campaigns/${id}`)).body.paused).toBe(false);
  });

  it("when a campaign is paused and resumed, then an account an operator paused stays paused, and an operator cannot lift the campaign's pause", async () => {
    const id = uniqueId('pause-sources');
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(id)));
    await call(url, 'POST', `/campaigns/${id}/debtors/import`, csv('accountRef,fullName,phone,amountDue,dueDate\nQ-1,Ada Park,+12125550121,40.00,2026-03-01\nQ-2,Bo Park,+12125550122,40.00,2026-03-01\n'));
    const [held, other] = [`debtor/${id}/Q-1`, `debtor/${id}/Q-2`];
    for (const workflowId of [held, other]) {
      await eventually('the workflow to load its campaign', async () => ((await stack.service.gateway.debtorState(workflowId)).strategy !== 'undecided' ? true : undefined));
    }
    const byOperator = await call(url, 'POST', `/campaigns/${id}/debtors/Q-1/pause`, { reason: 'bankruptcy notice received by mail' });
    expect(byOperator.body).toMatchObject({ paused: true, pausedBy: ['operator'] });

    await call(url, 'POST', `/campaigns/${id}/pause`);
    const operatorResume = await call(url, 'POST', `/campaigns/${id}/debtors/Q-2/resume`);
    expect(operatorResume.status).toBe(422);
    expect(operatorResume.body).toMatchObject({ error: 'rejected', message: expect.stringMatching(/paused by its campaign, not by the operator/) });
    const resumed = await call(url, 'POST', `/campaigns/${id}/resume`);

    expect(resumed.body).toMatchObject({ paused: false, debtors: { updated: 2 } });
    expect(await stack.service.gateway.debtorState(other)).toMatchObject({ paused: false, pausedBy: [] });
    expect(await stack.service.gateway.debtorState(held)).toMatchObject({ paused: true, pausedBy: ['operator'], status: 'paused' });
  });

  it('when /openapi.json is read, then it is OpenAPI 3.1 and covers every route, with request schemas from the routes', async () => {
    const response = await call(url, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const debtor = '/campaigns/{campaignId}/debtors/{accountRef}';
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/campaigns/validate',
        '/campaigns',
        '/campaigns/{campaignId}',
        '/campaigns/{campaignId}/pause',
        '/campaigns/{campaignId}/resume',
        '/campaigns/{campaignId}/debtors/import',
        '/campaigns/{campaignId}/debtors',
        debtor,
        ...['payments', 'promises', 'plans', 'dispute', 'cease', 'pause', 'resume', 'close', 'human-tasks/{taskId}/resolution'].map((a) => `${debtor}/${a}`),
        '/webhooks/twilio/sms',
        '/webhooks/twilio/sms-status',
        ...['answer', 'gather', 'pending', 'transfer', 'whisper', 'status'].map((hook) => `/webhooks/twilio/voice/${hook}`),
        '/contacts/{phone}/consent',
        '/audio/{clipId}',
        '/pay/{token}',
        '/webhooks/payments/demo',
        '/healthz',
        '/readyz',
      ]),
    );
    const status = response.body.paths['/campaigns/{campaignId}/debtors'].get.parameters.find((p: { name: string }) => p.name === 'status');
    expect(status).toMatchObject({ in: 'query', required: false, schema: { enum: expect.arrayContaining(['contacting', 'paid']) } });
    const promise = response.body.paths[`${debtor}/promises`].post.requestBody.content['application/json'].schema;
    expect(promise).toMatchObject({ properties: { dueDate: { type: 'string' } }, required: ['dueDate'], additionalProperties: false });
  });

  it('when `parley campaign validate` reads a bad file, then it exits 2 and prints each field path', async () => {
    const file = path.join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(badCampaign(uniqueId('cli'))));
    const result = await runCli(['campaign', 'validate', file], { PARLEY_API_URL: url });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('currency:');
    expect(result.stdout).toContain('contactWindow.start:');
    expect(result.stdout).toContain('cadence.steps.0.delay.duration:');
    expect(result.stdout).toContain('colour:');
  });

  it('when `parley campaign validate` reads a good file, then it exits 0; with no service to reach, it exits 1', async () => {
    const file = path.join(scratch, 'good.yaml');
    writeFileSync(file, demoCampaignYaml(uniqueId('cli-good')));
    const good = await runCli(['campaign', 'validate', file], { PARLEY_API_URL: url });
    expect(good).toMatchObject({ code: 0, stdout: `${file}: valid\n` });
    const unreachable = await runCli(['campaign', 'validate', file], { PARLEY_API_URL: 'http://127.0.0.1:9' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the Parley API');
  });
});

describe('body size limits', () => {
  let service: RunningService;
  const limit = 16 * 1024;

  beforeAll(async () => {
    const config = integrationConfig('body-limits', { HTTP_BODY_LIMIT_BYTES: String(limit) });
    service = await startService(config, createLogger('warn', { pretty: false }), { api: true, worker: false });
    await apiKeyFor(service);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('when a campaign body is over the limit, then it answers 413 saying the limit', async () => {
    const response = await call(service.httpUrl!, 'POST', '/campaigns/validate', yaml(`# ${'x'.repeat(limit)}\nid: big\n`));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: 'body_too_large', message: expect.stringContaining(`${limit} bytes`) });
  });

  it('when an import is over its own, larger limit, then it answers 413 and nothing is written', async () => {
    const id = uniqueId('big-import');
    await call(service.httpUrl!, 'PUT', '/campaigns', yaml(demoCampaignYaml(id)));
    // Over the general limit but under the import's: read and reported (the phone numbers are bad).
    const row = (i: number) => `R-${i},Some One,+1555,10.00,2026-03-01\n`;
    const header = 'accountRef,fullName,phone,amountDue,dueDate\n';
    const mid = await call(service.httpUrl!, 'POST', `/campaigns/${id}/debtors/import`, csv(header + Array.from({ length: 1000 }, (_, i) => row(i)).join('')));
    expect(mid.status).toBe(200);
    expect(mid.body).toMatchObject({ rows: 1000, rejected: 1000 });

    const huge = Buffer.alloc(limit * 256 + 1, 'a');
    const response = await call(service.httpUrl!, 'POST', `/campaigns/${id}/debtors/import`, { type: 'text/csv', content: huge });
    expect(response.status).toBe(413);
    expect(response.body.message).toContain('4 MiB');

    // Sent in chunks, with no length declared: refused when the count passes the limit.
    const longRow = `L-1,${'Long Name '.repeat(100)},+12125550100,10.00,2026-03-01\n`;
    const rows = Readable.from((function* () {
      yield header;
      for (let i = 0; i < 5000; i++) yield longRow;
    })());
    const chunked = await fetch(`${service.httpUrl}/campaigns/${id}/debtors/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...authHeaders(service.httpUrl!) },
      body: Readable.toWeb(rows) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await service.mongo.models.debtors.countDocuments({ campaignId: id })).toBe(0);
  });

  it('when a JSON body is malformed on a debtor action, then it answers 400', async () => {
    const response = await call(service.httpUrl!, 'POST', '/campaigns/some-campaign/debtors/A-1/promises', { type: 'application/json', content: '{"amount": ' });
    expect(response.status).toBe(400);
  });
});
