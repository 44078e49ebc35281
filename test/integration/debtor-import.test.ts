import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { defaultPayloadConverter } from '@temporalio/common';
import { startCollectionsStack, eventually, type CollectionsStack } from '../support/collections-stack';
import { call, csv, demoCampaignYaml, runCli, yaml } from '../support/api-calls';
import { terminalOutcomes } from '../../workflows/debtor/debtor.messages';

const campaignId = `import-${randomUUID().slice(0, 8)}`;

// Three good rows and three bad ones (line numbers: the header is line 1).
const debtorsCsv = [
  'accountRef,fullName,phone,timeZone,amountDue,dueDate,daysPastDue,flags,artificialVoiceConsent',
  'A-001,Jordan Lee,+1 212 555 0101,America/New_York,125.00,2026-03-01,35,,yes',
  'A-002,Mei Chen,(212) 555-0102,,80.5,2026-03-01,,vip;Paperless,no',
  'A-003,Bad Phone,+1555,America/Chicago,10.00,2026-03-01,,,',
  'A-004,Negative Amount,+12125550104,America/Chicago,-5.00,2026-03-01,,,',
  'A-005,Unknown Zone,+12125550105,Mars/Olympus,10.00,2026-03-01,,,',
  'A-006,Sam Ortiz,+12125550106,america/chicago,19.99,2026-03-01,,,',
].join('\n');

describe('importing debtors and working their accounts over HTTP', () => {
  let stack: CollectionsStack;
  let url: string;

  beforeAll(async () => {
    stack = await startCollectionsStack('debtor-import');
    url = stack.service.httpUrl!;
    const applied = await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)));
    expect(applied.status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const debtors = () => stack.service.mongo.models.debtors;
  const importCsv = (content: string, into = campaignId) => call(url, 'POST', `/campaigns/${into}/debtors/import`, csv(content));

  it('when a CSV has good and bad rows, then the good ones are stored and started and each bad one is named by row and column', async () => {
    const response = await importCsv(debtorsCsv);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      rows: 6,
      started: 3,
      alreadyImported: 0,
      rejected: 3,
      failed: 0,
      errors: [
        { row: 4, field: 'phone', message: "'+1555' is too short" },
        { row: 5, field: 'amountDue', message: expect.stringContaining('negative') },
        { row: 6, field: 'timeZone', message: expect.stringContaining("unknown time zone 'Mars/Olympus'") },
      ],
      unlistedErrors: 0,
    });
    expect(await debtors().countDocuments({ campaignId })).toBe(3);
    const jordan = await debtors().findOne({ campaignId, accountRef: 'A-001' }).lean();
    expect(jordan).toMatchObject({
      workflowId: `debtor/${campaignId}/A-001`,
      phone: '+12125550101',
      firstName: 'Jordan',
      currency: 'USD',
      amountDueMinor: 12_500,
      balanceMinor: 12_500,
      segmentData: { daysPastDue: 35 },
      artificialVoiceConsent: true,
    });
    const mei = await debtors().findOne({ campaignId, accountRef: 'A-002' }).lean();
    // Empty cells take the campaign's defaults; a national number is read in the campaign's country.
    expect(mei).toMatchObject({ phone: '+12125550102', timeZone: 'America/New_York', language: 'en', amountDueMinor: 8050, segmentData: { flags: ['vip', 'paperless'] } });
    expect((await debtors().findOne({ campaignId, accountRef: 'A-006' }).lean())?.timeZone).toBe('America/Chicago');

    const state = await stack.service.gateway.debtorState(`debtor/${campaignId}/A-001`);
    expect(state).toMatchObject({ campaignId, accountRef: 'A-001', balanceMinor: 12_500, campaignVersion: 1 });
  });

  it('when the same file is imported again, then no workflow starts and the accounts count as already imported', async () => {
    // The imported profile, without the status mirror its running workflow keeps updating.
    const profiles = async () =>
      (await debtors().find({ campaignId }).sort({ accountRef: 1 }).lean()).map(
        ({ status: _s, balanceMinor: _b, nextContactAt: _n, nextContactReason: _r, updatedAt: _u, ...profile }) => profile,
      );
    const runIds = async (workflowIds: string[]) =>
      Promise.all(workflowIds.map(async (id) => (await stack.service.gateway.client.workflow.getHandle(id).describe()).runId));
    const before = await profiles();
    const runsBefore = await runIds(before.map((d) => d.workflowId));

    const response = await importCsv(debtorsCsv);

    expect(response.body).toMatchObject({ rows: 6, started: 0, alreadyImported: 3, rejected: 3 });
    expect(await profiles()).toEqual(before);
    expect(await runIds(before.map((d) => d.workflowId))).toEqual(runsBefore);
  });

  it('when the CSV header lacks a required column, then it answers 400 naming it and writes nothing', async () => {
    const response = await importCsv('accountRef,fullName,amountDue,dueDate\nB-001,No Phone,10.00,2026-03-01\n');

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_header');
    expect(response.body.details).toEqual([{ path: 'phone', message: expect.stringContaining('required column') }]);
    expect(await debtors().countDocuments({ campaignId, accountRef: 'B-001' })).toBe(0);
  });

  it('when a campaign does not exist, then the import answers 404 and writes nothing', async () => {
    const response = await importCsv(debtorsCsv, 'no-such-campaign');
    expect(response.status).toBe(404);
    expect(await debtors().countDocuments({ campaignId: 'no-such-campaign' })).toBe(0);
  });

  it('when debtors come as a JSON array or as NDJSON, then they are read the same way, numbers and lists included', async () => {
    const array = [
      { accountRef: 'J-001', fullName: 'Ana Silva', phone: '+12125550121', amountDue: 42.5, dueDate: '2026-03-01', flags: ['vip'], artificialVoiceConsent: true },
      { accountRef: 'J-002', fullName: 'No Date', phone: '+12125550122', amountDue: '10.00' },
      { accountRef: 'J-003', fullName: 'Extra Field', phone: '+12125550123', amountDue: '10.00', dueDate: '2026-03-01', nickname: 'X' },
    ];
    const json = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, { type: 'application/json', content: JSON.stringify(array, null, 2) });
    expect(json.body).toMatchObject({
      rows: 3,
      started: 1,
      rejected: 2,
      errors: [
        { row: 2, field: 'dueDate', message: 'is required' },
        { row: 3, field: 'nickname', message: 'is not a known column' },
      ],
    });
    expect(await debtors().findOne({ campaignId, accountRef: 'J-001' }).lean()).toMatchObject({ amountDueMinor: 4250, segmentData: { flags: ['vip'] } });

    const ndjson = ['{"accountRef":"N-001","fullName":"Li Wei","phone":"+12125550108","amountDue":"99","dueDate":"2026-03-01","language":"zh-cn"}', '', '{"accountRef": oops}'].join('\n');
    const lines = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, { type: 'application/x-ndjson', content: ndjson });
    expect(lines.body).toMatchObject({ rows: 2, started: 1, rejected: 1, errors: [{ row: 3, field: '(row)', message: expect.stringContaining('is not valid JSON') }] });
    expect(await debtors().findOne({ campaignId, accountRef: 'N-001' }).lean()).toMatchObject({ phone: '+12125550108', language: 'zh-CN' });
  });

  it('when +1 numbers go to a campaign outside US law and other numbers to a US one, then each row is refused naming the phone column', async () => {
    const abroad = `import-gb-${randomUUID().slice(0, 8)}`;
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(abroad).replace(/^jurisdiction: .*$/m, 'jurisdiction: GB')))).status).toBe(201);
    const header = 'accountRef,fullName,phone,amountDue,dueDate';

    const intoGb = await importCsv(`${header}\nG-001,Ann Hale,+12125550131,10.00,2026-03-01\nG-002,Bea Cole,+447911123456,10.00,2026-03-01\n`, abroad);
    const intoUs = await importCsv(`${header}\nU-001,Li Wei,+8613800138000,10.00,2026-03-01\n`);

    expect(intoGb.body).toMatchObject({ started: 1, rejected: 1, errors: [{ row: 2, field: 'phone', message: expect.stringMatching(/'\+12125550131' is a \+1 number, contacted under US law, and this campaign's jurisdiction is GB/) }] });
    expect(intoUs.body).toMatchObject({ started: 0, rejected: 1, errors: [{ row: 2, field: 'phone', message: expect.stringMatching(/'\+8613800138000' is not a \+1 number, and this campaign's jurisdiction is US/) }] });
    expect(await debtors().countDocuments({ campaignId: abroad })).toBe(1);
  });

  it('when debtors are listed, then pages follow account order and the status filter takes only a known status', async () => {
    const first = await call(url, 'GET', `/campaigns/${campaignId}/debtors?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.debtors.map((d: { accountRef: string }) => d.accountRef)).toEqual(['A-001', 'A-002']);
    expect(first.body.next).toBe('A-002');
    const second = await call(url, 'GET', `/campaigns/${campaignId}/debtors?limit=2&after=A-002`);
    expect(second.body.debtors.map((d: { accountRef: string }) => d.accountRef)).toEqual(['A-006', 'J-001']);

    const paid = await call(url, 'GET', `/campaigns/${campaignId}/debtors?status=paid`);
    expect(paid).toEqual({ status: 200, body: { debtors: [] } });
    expect((await call(url, 'GET', `/campaigns/${campaignId}/debtors?status=sleeping`)).status).toBe(400);
    expect((await call(url, 'GET', '/campaigns/no-such-campaign/debtors')).status).toBe(404);
  });

  it('when a query parameter carries a MongoDB operator, then it answers 400 and lists nothing', async () => {
    for (const query of ['status[$ne]=x', `status=${encodeURIComponent('{"$gt":""}')}`, 'status=contacting&status=paid', 'after[$gt]=', 'limit=0']) {
      const response = await call(url, 'GET', `/campaigns/${campaignId}/debtors?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error, query).toBe('invalid_request');
      expect(response.body.debtors, query).toBeUndefined();
    }
    const operator = await call(url, 'GET', `/campaigns/${campaignId}/debtors?status[$ne]=x`);
    expect(operator.body.details).toEqual([{ path: 'status[$ne]', message: 'is not a known field' }]);
  });

  it("when a debtor is read, then the answer has the stored profile and the workflow's live state", async () => {
    const response = await call(url, 'GET', `/campaigns/${campaignId}/debtors/A-001`);

    expect(response.status).toBe(200);
    expect(response.body.profile).toEqual({
      accountRef: 'A-001',
      fullName: 'Jordan Lee',
      firstName: 'Jordan',
      phone: '+12125550101',
      timeZone: 'America/New_York',
      language: 'en',
      currency: 'USD',
      amountDueMinor: 12_500,
      dueDate: '2026-03-01',
      segmentData: { daysPastDue: 35 },
      artificialVoiceConsent: true,
    });
    expect(response.body.state).toMatchObject({ workflowId: `debtor/${campaignId}/A-001`, balanceMinor: 12_500, campaignVersion: 1, currency: 'USD' });
    expect(response.body.state.status).toEqual(expect.any(String));
  });

  it('when a human task that is not open is resolved, then the workflow refuses it with 422', async () => {
    const taskId = encodeURIComponent(`debtor/${campaignId}/A-001/task/99`);
    const response = await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-001/human-tasks/${taskId}/resolution`, { outcome: 'resume-contact', notes: 'called back' });
    expect(response.status).toBe(422);
    expect(response.body.message).toContain(`no open human task debtor/${campaignId}/A-001/task/99`);
  });

  it('when a debtor is unknown, then reading it or acting on it answers 404', async () => {
    expect((await call(url, 'GET', `/campaigns/${campaignId}/debtors/NOPE-1`)).status).toBe(404);
    expect((await call(url, 'POST', `/campaigns/${campaignId}/debtors/NOPE-1/promises`, { amount: '10.00', dueDate: '2026-03-01' })).status).toBe(404);
    expect((await call(url, 'POST', `/campaigns/${campaignId}/debtors/NOPE-1/close`, { reason: 'test' })).status).toBe(404);
  });

  it("when a promise is beyond the campaign's maxDaysOut, then the workflow refuses it with 422 naming dueDate", async () => {
    const workflowId = `debtor/${campaignId}/A-002`;
    // The workflow validates promises against its campaign, which it loads first.
    await eventually('the workflow to load its campaign', async () => ((await stack.service.gateway.debtorState(workflowId)).strategy !== 'undecided' ? true : undefined));
    const inMonth = DateTime.now().setZone('America/New_York').plus({ days: 30 }).toISODate();

    const response = await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-002/promises`, { amount: '20.00', dueDate: inMonth });

    expect(response.status).toBe(422);
    expect(response.body.error).toBe('rejected');
    expect(response.body.details).toEqual([{ path: 'dueDate', message: 'is more than 14 days out, the most this campaign accepts' }]);
    expect((await stack.service.gateway.debtorState(workflowId)).promise).toBeUndefined();
  });

  it('when an action body is malformed, then it answers 400 naming each bad field', async () => {
    const response = await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-002/promises`, { amount: '20.00', dueDate: 'soon', when: 'now' });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['dueDate', 'when']);
    const both = await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-002/payments`, { amount: '20.00', amountMinor: 2000 });
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([{ path: 'amount', message: expect.stringContaining('one of the two') }]);
  });

  it('when the same payment is recorded twice, then it is stored once and the balance drops once', async () => {
    const payment = { amount: '10.00', paymentId: `pay-${randomUUID()}` };
    const first = await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-006/payments`, payment);
    const again = await call(url, 'POST', `/campaigns/${campaignId}/debtors/A-006/payments`, payment);

    expect(first).toEqual({ status: 202, body: { paymentId: payment.paymentId, duplicate: false } });
    expect(again).toEqual({ status: 202, body: { paymentId: payment.paymentId, duplicate: true } });
    expect(await stack.service.mongo.models.payments.countDocuments({ paymentId: payment.paymentId })).toBe(1);
    const state = await eventually('the payment to reach the workflow', async () => {
      const view = await stack.service.gateway.debtorState(`debtor/${campaignId}/A-006`);
      return view.paidMinor > 0 ? view : undefined;
    });
    expect(state).toMatchObject({ paidMinor: 1000, balanceMinor: 999 });
  });

  it('when a payment without an id is retried with the same Idempotency-Key, then it is stored once; a new key is a new payment', async () => {
    const path = `/campaigns/${campaignId}/debtors/J-001/payments`;
    const key = { 'Idempotency-Key': randomUUID() };
    const first = await call(url, 'POST', path, { amount: '5.00' }, key);
    const retried = await call(url, 'POST', path, { amount: '5.00' }, key);
    const another = await call(url, 'POST', path, { amount: '5.00' }, { 'Idempotency-Key': randomUUID() });

    expect(first.status).toBe(202);
    expect(retried).toEqual({ status: 202, body: { paymentId: first.body.paymentId, duplicate: true } });
    expect(another.body).toMatchObject({ duplicate: false });
    expect(another.body.paymentId).not.toBe(first.body.paymentId);
    const state = await eventually('both payments to reach the workflow', async () => {
      const view = await stack.service.gateway.debtorState(`debtor/${campaignId}/J-001`);
      return view.paidMinor >= 1000 ? view : undefined;
    });
    expect(state.paidMinor).toBe(1000);
  });

  it('when the Idempotency-Key is malformed, then it answers 400 naming the header and records nothing', async () => {
    const response = await call(url, 'POST', `/campaigns/${campaignId}/debtors/J-001/payments`, { amount: '5.00' }, { 'Idempotency-Key': 'x'.repeat(201) });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'idempotency-key', message: 'must be 1 to 200 visible ASCII characters' }]);
  });

  it('when a new campaign version is applied, then every running debtor is told of it', async () => {
    const applied = await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId, 'Northwind Recoveries')));
    const running = (await debtors().find({ campaignId }).lean()).filter((d) => !(terminalOutcomes as readonly string[]).includes(d.status));
    expect(applied.body).toEqual({
      campaignId,
      version: 2,
      created: true,
      debtors: { updated: running.length, skipped: 0 },
      broadcast: { workflowId: `campaign/${campaignId}/broadcast/version`, done: true },
    });

    // When each adopts it is the workflow's business (at its next wake-up); the API's is to tell every running one.
    expect(running.length).toBeGreaterThan(0);
    for (const { workflowId } of running) {
      // A signal that arrives while a workflow task runs is written to the history when that task completes.
      const told = await eventually(`${workflowId} to be told`, async () => {
        const history = await stack.service.gateway.client.workflow.getHandle(workflowId).fetchHistory();
        const signals = (history.events ?? [])
          .map((e) => e.workflowExecutionSignaledEventAttributes)
          .filter((signal) => signal?.signalName === 'campaignUpdated')
          .map((signal) => defaultPayloadConverter.fromPayload(signal!.input!.payloads![0]));
        return signals.length > 0 ? signals : undefined;
      });
      expect(told, workflowId).toEqual([{ version: 2 }]);
    }
  });

  it('when the campaign verifies callers by ZIP code, then rows without one are refused and the ZIP code is kept in the profile', async () => {
    const zipCampaignId = `${campaignId}-zip`;
    const document = demoCampaignYaml(zipCampaignId).replace(/^ {2}# secondFactor: zip.*$/m, '  secondFactor: zip');
    expect((await call(url, 'PUT', '/campaigns', yaml(document))).status).toBe(201);

    const response = await importCsv(
      ['accountRef,fullName,phone,amountDue,dueDate,birthYear,zip', 'Z-001,Ana Ruiz,+12125550141,40.00,2026-03-01,1985,02134-1234', 'Z-002,No Zip,+12125550142,40.00,2026-03-01,1985,', 'Z-003,Bad Zip,+12125550143,40.00,2026-03-01,1985,2134'].join('\n'),
      zipCampaignId,
    );

    expect(response.body).toMatchObject({
      started: 1,
      rejected: 2,
      errors: [
        { row: 3, field: 'zip', message: expect.stringMatching(/^is required: /) },
        { row: 4, field: 'zip', message: expect.stringContaining("'2134' is not a US ZIP code") },
      ],
    });
    const shown = await call(url, 'GET', `/campaigns/${zipCampaignId}/debtors/Z-001`);
    expect(shown.body).toMatchObject({ profile: { zip: '02134', birthYear: 1985 } });
  });

  it('when `parley import` sends a file with a rejected row, then it prints the report and exits 2', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-import-'));
    try {
      const file = path.join(scratch, 'debtors.csv');
      writeFileSync(file, 'accountRef,fullName,phone,amountDue,dueDate\nC-001,Kim Lo,+12125550131,15.00,2026-03-01\nC-002,Bad Date,+12125550132,15.00,March\n');
      const result = await runCli(['import', file, '--campaign', campaignId], { PARLEY_API_URL: url });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('rows 2, started 1, already imported 0, rejected 1');
      expect(result.stdout).toContain('row 3, dueDate:');

      const show = await runCli(['debtor', 'show', campaignId, 'C-001'], { PARLEY_API_URL: url });
      expect(show.code).toBe(0);
      expect(show.stdout).toMatch(/balance\s+\$15\.00/);
      expect(show.stdout).toMatch(/time zone\s+America\/New_York/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
