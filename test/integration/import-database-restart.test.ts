import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../../src/dev/child-process';
import { startFerretDb, type LocalMongo } from '../../src/dev/local-servers';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, demoCampaignYaml, yaml, authHeaders } from '../support/api-calls';

const campaignId = `restart-${randomUUID().slice(0, 8)}`;
const header = 'accountRef,fullName,phone,timeZone,amountDue,dueDate\n';
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => {
    const n = from + i;
    return `R-${n},Person ${n},+1212555${String(1000 + n).padStart(4, '0')},America/New_York,10.00,2026-03-01\n`;
  }).join('');

// The embedded database of its own, so that restarting it touches no other test file.
describe('importing while the embedded database restarts', () => {
  let scratch: string;
  let port: number;
  let mongo: LocalMongo;
  let stack: CollectionsStack;
  const startDatabase = () => startFerretDb({ port, stateDir: path.join(scratch, 'ferretdb'), logDir: scratch, graceMs: 2000, durable: false });

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-restart-'));
    port = await freePort();
    mongo = await startDatabase();
    stack = await startCollectionsStack('import-restart', { worker: false, env: { MONGODB_URI: mongo.uri } });
    expect((await call(stack.service.httpUrl!, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
    await mongo?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const importBody = (body: ReadableStream<Uint8Array> | string) =>
    fetch(`${stack.service.httpUrl}/campaigns/${campaignId}/debtors/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...authHeaders(stack.service.httpUrl!) },
      body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });

  it('when the database stops and comes back in the middle of an import, then every row is started once and none is lost', async () => {
    const encoder = new TextEncoder();
    const upload = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(header + rows(1, 100)));
        // Rows sent while the database is down are written once it is back.
        await mongo.stop();
        controller.enqueue(encoder.encode(rows(101, 200)));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        mongo = await startDatabase();
        controller.enqueue(encoder.encode(rows(201, 250)));
        controller.close();
      },
    });

    const response = await importBody(upload);
    const report = (await response.json()) as { started: number; alreadyImported: number };

    expect(response.status).toBe(200);
    expect(report).toMatchObject({ rows: 250, rejected: 0, failed: 0, errors: [] });
    expect(report.started + report.alreadyImported).toBe(250);
    expect(await stack.service.mongo.models.debtors.countDocuments({ campaignId })).toBe(250);

    const again = await (await importBody(header + rows(1, 250))).json();
    expect(again).toMatchObject({ rows: 250, started: 0, alreadyImported: 250, failed: 0 });
  });
});
