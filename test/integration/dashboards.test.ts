import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call } from '../support/api-calls';
import { countedDashboard, makeKnownFacts, type KnownFacts } from '../support/dashboard-facts';

// The dashboards across the real stack: facts made through the import API, calls through the
// Twilio simulator and promises and payments through the API are counted in the hourly rollups
// as they are written, and the dashboard reads them back as exactly the KPIs they define.

describe('the collections dashboard', () => {
  let stack: CollectionsStack;
  let base: string;
  let known: KnownFacts;
  const campaignId = `dash-${randomUUID().slice(0, 8)}`;
  const from = DateTime.utc().minus({ days: 1 }).toISODate()!;
  const dashboard = (query: Record<string, string>, headers?: Record<string, string>) => call(base, 'GET', `/dashboards/collections?${new URLSearchParams(query)}`, undefined, headers);

  beforeAll(async () => {
    stack = await startCollectionsStack('dashboards');
    base = stack.service.httpUrl!;
    await apiKeyFor(stack.service, 'admin');
    known = await makeKnownFacts(stack, campaignId, ['+12025557301', '+12025557302', '+12025557303']);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const range = () => ({ from, to: DateTime.fromISO(known.promiseDueDate).plus({ days: 1 }).toISODate()!, campaignId });

  it('when known facts were recorded, then the dashboard counts exactly them and computes each KPI from them', async () => {
    const { overall } = await countedDashboard(base, range(), known);
    expect(known.facts.handleSeconds).toBeGreaterThan(0);
    expect(overall.kpis).toEqual({
      contactRate: 1 / 3,
      rightPartyContactRate: 1,
      promiseToPayRate: 1,
      keptPromiseRate: 1,
      collectedMinor: 19_000,
      liquidationRate: 19_000 / 37_500,
      cureRate: 1 / 3,
      handOffRate: 0,
      averageHandleSeconds: known.facts.handleSeconds,
    });
  });

  it('when 20 facts of one hour and group are counted at once, then none is lost (FerretDB loses concurrent $inc on one document, so the writers take turns)', async () => {
    const { kpiRollups } = stack.service.mongo.repositories;
    const key = { scope: 'collections' as const, campaignId: `race-${campaignId}`, campaignVersion: 1, at: Date.parse('2026-01-05T10:15:00Z'), strategy: 's', segment: 'g', language: 'en', channel: 'sms' };
    await Promise.all(Array.from({ length: 20 }, (_, i) => kpiRollups.add(key, i % 2 ? { attempts: 1 } : { attempts: 1, liveContacts: 1 })));
    const rows = await kpiRollups.inRange({ scope: 'collections', campaignId: key.campaignId, start: new Date('2026-01-05T00:00:00Z'), end: new Date('2026-01-06T00:00:00Z') });
    expect(rows.map((row) => row.counts)).toEqual([{ attempts: 20, liveContacts: 10 }]);
  });

  it('when grouped by channel, then the calls are under voice and the money, which no channel made, under none', async () => {
    const { status, body } = await dashboard({ ...range(), by: 'channel' });
    expect(status).toBe(200);
    const byGroup = Object.fromEntries(body.totals.map((t: { group: string; facts: Record<string, number>; kpis: Record<string, number | null> }) => [t.group, t]));
    expect(Object.keys(byGroup)).toEqual(['none', 'voice']);
    expect(byGroup.voice.facts).toMatchObject({ attempts: 3, liveContacts: 1, rightPartyContacts: 1, collectedMinor: 0 });
    expect(byGroup.voice.kpis.contactRate).toBe(1 / 3);
    expect(byGroup.none.facts).toMatchObject({ attempts: 0, collectedMinor: 19_000, accountsAssigned: 3 });
    expect(byGroup.none.kpis.contactRate).toBeNull();
  });

  it("when read in another time zone, then each fact is in the bucket of its local day, the promise on its due date, and weeks add up to the days", async () => {
    const calls = stack.simulator.store.listCalls({ to: '+12025557301' });
    for (const timeZone of ['Asia/Tokyo', 'Pacific/Honolulu']) {
      const { body } = await dashboard({ ...range(), timeZone });
      const bucketWith = (fact: string) => body.buckets.filter((b: { groups: Array<{ facts: Record<string, number> }> }) => b.groups.some((g) => g.facts[fact]! > 0)).map((b: { bucket: string }) => b.bucket);
      expect(bucketWith('promisesDue'), timeZone).toEqual([known.promiseDueDate]);
      expect(bucketWith('liveContacts'), timeZone).toEqual([DateTime.fromJSDate(calls[0]!.startTime!, { zone: timeZone }).toISODate()]);
      const weeks = await dashboard({ ...range(), timeZone, bucket: 'week' });
      const summed = weeks.body.buckets.flatMap((b: { groups: Array<{ facts: Record<string, number> }> }) => b.groups).reduce((n: number, g: { facts: Record<string, number> }) => n + g.facts.attempts!, 0);
      expect(summed).toBe(3);
      expect(weeks.body.buckets.every((b: { bucket: string }) => DateTime.fromISO(b.bucket).weekday === 1)).toBe(true);
    }
  });

  it('when an auditor reads it, then they get the same figures', async () => {
    const auditor = await apiKeyFor(stack.service, 'auditor', 'dash-auditor');
    const asAdmin = await dashboard(range());
    const asAuditor = await dashboard(range(), bearer(auditor));
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.body).toEqual(asAdmin.body);
  });

  it.each([
    { query: { to: '2026-12-01' }, field: 'from', reason: /./ },
    { query: { from: '2026-12-01', to: '2026-12-40' }, field: 'to', reason: /calendar date/ },
    { query: { from: '2026-12-05', to: '2026-12-01' }, field: 'to', reason: /before from/ },
    { query: { from: '2025-01-01', to: '2026-12-01' }, field: 'to', reason: /366 days/ },
    { query: { from: '2026-12-01', to: '2026-12-02', timeZone: 'Mars/Olympus' }, field: 'timeZone', reason: /time zone/ },
    { query: { from: '2026-12-01', to: '2026-12-02', bucket: 'month' }, field: 'bucket', reason: /./ },
    { query: { from: '2026-12-01', to: '2026-12-02', by: 'colour' }, field: 'by', reason: /./ },
    { query: { from: '2026-12-01', to: '2026-12-02', colour: 'red' }, field: 'colour', reason: /not a known field/ },
  ] as Array<{ query: Record<string, string>; field: string; reason: RegExp }>)('when asked with $query, then it answers 400 naming $field', async ({ query, field, reason }) => {
    const { status, body } = await dashboard(query);
    expect(status).toBe(400);
    expect(body.details).toContainEqual({ path: field, message: expect.stringMatching(reason) });
  });

  it('when the surveys dashboard is asked with a bad time zone, then it answers 400 naming it, and without one it answers an empty survey list', async () => {
    const bad = await call(base, 'GET', '/dashboards/surveys?from=2026-12-01&to=2026-12-02&timeZone=Nowhere');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('timeZone');
    const none = await call(base, 'GET', '/dashboards/surveys?from=2026-12-01&to=2026-12-02');
    expect(none.body).toMatchObject({ surveyId: null, surveyIds: [], groups: [], overall: { kpis: { responseRate: null, completionRate: null, nps: null } } });
  });
});
