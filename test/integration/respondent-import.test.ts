import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, csv, demoCampaignYaml, demoSurveyYaml, runCli, yaml } from '../support/api-calls';
import { RespondentGateway } from '../../src/temporal/respondent-gateway';

const surveyId = `respondents-${randomUUID().slice(0, 8)}`;

// Three good rows and three bad ones (line numbers: the header is line 1). The demo survey's
// hidden fields are order and agent; its default zone America/New_York, its languages en, zh-CN.
const respondentsCsv = [
  'respondent_ref,phone,time_zone,language,first_name,artificial_voice_consent,order,agent',
  'S-001,+1 212 555 0201,America/Chicago,,Jordan,yes,10442,ana',
  'S-002,(212) 555-0202,,zh,Mei,,10443,',
  'S-003,+1555,,,,,,',
  'S-004,+12125550204,Mars/Olympus,,,,,',
  ',+12125550205,,,,maybe,,',
  'S-006,+12125550206,asia/shanghai,zh-CN,,no,,self-service',
].join('\n');

describe('importing survey respondents over HTTP', () => {
  let stack: CollectionsStack;
  let url: string;

  beforeAll(async () => {
    // The import starts each respondent's workflow; whether a worker runs it is not this file's
    // business (the execution exists either way), so none is started.
    stack = await startCollectionsStack('respondent-import', { worker: false });
    url = stack.service.httpUrl!;
    expect((await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(surveyId)))).status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const respondents = () => stack.service.mongo.models.respondents;
  const importCsv = (content: string, into = surveyId) => call(url, 'POST', `/surveys/${into}/respondents`, csv(content));
  const execution = (respondentRef: string) => stack.service.gateway.client.workflow.getHandle(RespondentGateway.workflowId(surveyId, respondentRef)).describe();

  it('when a CSV has good and bad rows, then the good ones are stored and started and each bad one is named by row and column', async () => {
    const response = await importCsv(respondentsCsv);

    expect(response.status).toBe(200);
    const { errors, ...counts } = response.body;
    expect(counts).toEqual({ rows: 6, started: 3, alreadyImported: 0, rejected: 3, failed: 0, unlistedErrors: 0 });
    expect(errors).toEqual([
      { row: 4, field: 'phone', message: "'+1555' is too short" },
      { row: 5, field: 'time_zone', message: expect.stringContaining("unknown time zone 'Mars/Olympus'") },
      { row: 6, field: 'respondent_ref', message: 'is required' },
      { row: 6, field: 'artificial_voice_consent', message: "'maybe' must be true, false, yes or no" },
    ]);
    expect((await respondents().find({ surveyId }).sort({ respondentRef: 1 }).lean()).map((r) => r.respondentRef)).toEqual(['S-001', 'S-002', 'S-006']);

    const jordan = await stack.service.mongo.repositories.respondents.byWorkflowId(`respondent/${surveyId}/S-001`);
    expect(jordan).toMatchObject({
      surveyId,
      respondentRef: 'S-001',
      surveyVersion: 1,
      phone: '+12125550201',
      timeZone: 'America/Chicago',
      language: 'en',
      firstName: 'Jordan',
      hidden: { order: '10442', agent: 'ana' },
      artificialVoiceConsent: true,
      status: 'invited',
    });
    // Empty cells take the survey's defaults; 'zh' is the survey's zh-CN; a national number is read in its country.
    expect(await stack.service.mongo.repositories.respondents.byWorkflowId(`respondent/${surveyId}/S-002`)).toMatchObject({
      phone: '+12125550202',
      timeZone: 'America/New_York',
      language: 'zh-CN',
      hidden: { order: '10443' },
      artificialVoiceConsent: false,
    });
    expect((await respondents().findOne({ surveyId, respondentRef: 'S-006' }).lean())?.timeZone).toBe('Asia/Shanghai');

    for (const ref of ['S-001', 'S-002', 'S-006']) {
      const described = await execution(ref);
      expect(described, ref).toMatchObject({ type: 'respondentWorkflow', taskQueue: stack.config.temporal.taskQueue });
    }
    await expect(execution('S-003')).rejects.toThrow();
  });

  it('when the same file is imported again, then no workflow starts and the respondents count as already imported', async () => {
    const refs = ['S-001', 'S-002', 'S-006'];
    const runsBefore = await Promise.all(refs.map(async (ref) => (await execution(ref)).runId));
    const before = await respondents().find({ surveyId }).sort({ respondentRef: 1 }).lean();

    const response = await importCsv(respondentsCsv);

    expect(response.body).toMatchObject({ rows: 6, started: 0, alreadyImported: 3, rejected: 3, failed: 0 });
    expect(await Promise.all(refs.map(async (ref) => (await execution(ref)).runId))).toEqual(runsBefore);
    expect((await respondents().find({ surveyId }).sort({ respondentRef: 1 }).lean()).map((r) => r.importedAt)).toEqual(before.map((r) => r.importedAt));
  });

  it('when respondents come as a JSON array or as NDJSON, then they are read the same way, numbers and booleans included', async () => {
    const array = [
      { respondent_ref: 'J-001', phone: 12125550211, artificial_voice_consent: true, order: 7, first_name: 'Ana' },
      { respondent_ref: 'J-002', phone: '+12125550212', nickname: 'Bo' },
    ];
    const json = await call(url, 'POST', `/surveys/${surveyId}/respondents`, { type: 'application/json', content: JSON.stringify(array) });
    expect(json.body).toMatchObject({ rows: 2, started: 1, rejected: 1, errors: [{ row: 2, field: 'nickname', message: 'is not a known column' }] });
    expect(await respondents().findOne({ surveyId, respondentRef: 'J-001' }).lean()).toMatchObject({ phone: '+12125550211', hidden: { order: '7' }, artificialVoiceConsent: true });

    const ndjson = ['{"respondent_ref":"N-001","phone":"+12125550207","language":"zh-cn","agent":"li"}', '', '{"respondent_ref": oops}'].join('\n');
    const lines = await call(url, 'POST', `/surveys/${surveyId}/respondents`, { type: 'application/x-ndjson', content: ndjson });
    expect(lines.body).toMatchObject({ rows: 2, started: 1, rejected: 1, errors: [{ row: 3, field: '(row)', message: expect.stringContaining('is not valid JSON') }] });
    expect(await respondents().findOne({ surveyId, respondentRef: 'N-001' }).lean()).toMatchObject({ language: 'zh-CN', hidden: { agent: 'li' } });
  });

  it('when the CSV header names a column the survey does not take or lacks a required one, then it answers 400 naming them and writes nothing', async () => {
    const response = await importCsv('respondent_ref,channel\nH-001,web\n');

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_header');
    expect(response.body.details).toEqual([
      { path: 'channel', message: expect.stringContaining('is not a known column (known: respondent_ref, phone,') },
      { path: 'phone', message: 'is a required column and the header does not have it' },
    ]);
    expect(await respondents().countDocuments({ surveyId, respondentRef: 'H-001' })).toBe(0);
  });

  it('when the survey does not exist or the id is a campaign, then the import answers 404 and writes nothing', async () => {
    const campaignId = `campaign-${randomUUID().slice(0, 8)}`;
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)));
    for (const id of ['no-such-survey', campaignId]) {
      const response = await importCsv('respondent_ref,phone\nX-001,+12125550221\n', id);
      expect(response.status, id).toBe(404);
      expect(await respondents().countDocuments({ surveyId: id })).toBe(0);
    }
  });

  it('when the survey is paused, then the import answers 409 and writes nothing', async () => {
    const pausedId = `paused-${randomUUID().slice(0, 8)}`;
    await call(url, 'PUT', '/surveys', yaml(demoSurveyYaml(pausedId)));
    await stack.service.mongo.repositories.campaigns.setPaused(pausedId, true);

    const response = await importCsv('respondent_ref,phone\nP-001,+12125550231\n', pausedId);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'survey_paused', message: expect.stringContaining('is paused') });
    expect(await respondents().countDocuments({ surveyId: pausedId })).toBe(0);
  });

  it('when `parley survey import` sends a file with a rejected row, then it prints the report and exits 2', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-respondents-'));
    try {
      const file = path.join(scratch, 'respondents.csv');
      writeFileSync(file, 'respondent_ref,phone,order\nC-001,+12125550241,501\nC-002,+12125550242,\n, +12125550243,\n');
      const result = await runCli(['survey', 'import', file, '--survey', surveyId], { PARLEY_API_URL: url });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('rows 3, started 2, already imported 0, rejected 1');
      expect(result.stdout).toContain('row 4, respondent_ref: is required');
      const stored = (await respondents().find({ surveyId }).lean()).map((r) => r.respondentRef).filter((ref) => ref.startsWith('C-'));
      expect(stored.sort()).toEqual(['C-001', 'C-002']);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
