import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { startCollectionsStack, eventually, serviceNumber, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, yaml } from '../support/api-calls';
import { daytimeZone } from '../../src/dev/demo';

// What the Temporal server stores, read back without the codec (as its UI or anyone with access
// to its database would), after a debtor's first text.

/** Every payload in a history, wherever the event keeps it. */
function payloadsIn(value: unknown, found: Array<{ metadata: Record<string, Uint8Array>; data: Uint8Array }> = []) {
  if (value && typeof value === 'object') {
    const candidate = value as { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
    if (candidate.metadata && candidate.data instanceof Uint8Array) found.push(candidate as never);
    else for (const inner of Object.values(value)) payloadsIn(inner, found);
  }
  return found;
}

describe('workflow payloads encrypted before they reach Temporal', () => {
  let stack: CollectionsStack;
  let rawClient: Client;

  beforeAll(async () => {
    stack = await startCollectionsStack('payload-encryption', { env: { TEMPORAL_PAYLOAD_KEYS: `test-1=${randomBytes(32).toString('base64')}` } });
    rawClient = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  });
  afterAll(async () => {
    await rawClient?.connection.close();
    await stack?.stop();
  });

  it('when a debtor is imported and texted, then the stored history holds no name, phone or text in clear, and the service still reads it', async () => {
    const url = stack.service.httpUrl!;
    const campaignId = `sealed-${randomUUID().slice(0, 8)}`;
    const phone = '+12125550177';
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
    await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`accountRef,fullName,phone,timeZone,amountDue,dueDate,birthYear\nS-1,Quentin Marlowe,${phone},${daytimeZone(Date.now())},321.09,2026-03-01,1958\n`));
    await eventually('the first text', async () => (stack.simulator.store.listMessages({ to: phone }).some((m) => m.from === serviceNumber) ? true : undefined));
    const workflowId = (await stack.service.mongo.repositories.debtors.byAccount(campaignId, 'S-1'))!.workflowId;

    const history = await rawClient.workflow.getHandle(workflowId).fetchHistory();
    const payloads = payloadsIn(history.events);
    expect(payloads.length).toBeGreaterThan(3);
    const encoding = (p: (typeof payloads)[number]) => new TextDecoder().decode(p.metadata.encoding);
    // In clear only what Temporal's core writes for itself: markers (a patch's id, a local
    // activity's type and timing; its result is a payload of its own, encrypted) and the
    // TemporalChangeVersion search attribute (patch ids). The scan below reads those too.
    const ownPayloads = history.events!.filter((event) => !event.markerRecordedEventAttributes && !event.upsertWorkflowSearchAttributesEventAttributes);
    const outsideMarkers = payloadsIn(ownPayloads);
    expect(outsideMarkers.length).toBeGreaterThan(3);
    expect(new Set(outsideMarkers.map(encoding))).toEqual(new Set(['binary/encrypted']));
    const stored = payloads.map((p) => Buffer.from(p.data).toString('latin1')).join('\n') + JSON.stringify(history);
    for (const clear of ['Quentin', 'Marlowe', phone, '12125550177', '32109', '1958']) expect(stored, clear).not.toContain(clear);

    // The codec endpoint, as the Temporal UI calls it: decoded for a person with a credential only.
    const sealed = outsideMarkers.slice(0, 5).map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(p.data).toString('base64'),
    }));
    const auditor = await apiKeyFor(stack.service, 'auditor', 'codec-auditor');
    const decoded = await call(url, 'POST', '/codec/decode', { payloads: sealed }, bearer(auditor));
    expect(decoded.status).toBe(200);
    const opened = decoded.body.payloads.map((p: { data: string }) => Buffer.from(p.data, 'base64').toString()).join('\n');
    expect(opened).toContain('Quentin Marlowe');
    expect((await call(url, 'POST', '/codec/decode', { payloads: sealed }, { authorization: '' })).status).toBe(401);
    expect((await call(url, 'POST', '/codec/encode', { payloads: [] }, bearer(auditor))).status).toBe(403);
    const reencoded = await call(url, 'POST', '/codec/encode', { payloads: decoded.body.payloads });
    expect(reencoded.body.payloads.map((p: { metadata: { encoding: string } }) => Buffer.from(p.metadata.encoding, 'base64').toString())).toEqual(sealed.map(() => 'binary/encrypted'));

    // Through the service, with the key: the workflow's own state, in clear.
    const shown = await call(url, 'GET', `/campaigns/${campaignId}/debtors/S-1`);
    expect(shown.body.state).toMatchObject({ balanceMinor: 32109 });
    expect(shown.body.state.attempts[0]).toMatchObject({ channel: 'sms' });
  });

  it("when the Temporal UI's origin asks before calling the codec, then the preflight allows it, and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.service.httpUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,x-namespace' },
      });
    const ui = await preflight('http://127.0.0.1:8233');
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ui.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
