import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { eventually, serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { advanceBy, advanceUntil, debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import type { Campaign } from '../../src/campaigns/campaign-schema';
import { authHeaders } from '../support/api-calls';

// Debtors' whole journeys with real durations (days) on the time-skipping server, through the
// real worker, FerretDB, the Twilio simulator and the service's own webhooks. (Golden histories
// for replay come from golden-journeys.test.ts, on the dev server.)

const zone = 'America/New_York';

describe('the debtor workflow', () => {
  let env: TestWorkflowEnvironment;
  let stack: CollectionsStack;
  const campaign = loadTestCampaign();

  const models = () => stack.service.mongo.models;
  const gateway = () => stack.service.gateway;
  const textsTo = (phone: string) => stack.simulator.store.listMessages({ to: phone }).filter((m) => m.from === serviceNumber);
  const localNow = async () => DateTime.fromMillis(await env.currentTimeMs(), { zone });

  async function begin(accountRef: string, phone: string, persona: string, version = 1, campaignId = campaign.id, overrides = {}) {
    stack.simulator.people.assign(phone, persona);
    return startDebtor(models(), gateway(), campaignId, version, debtorProfile(accountRef, phone, overrides));
  }

  async function storeVariant(id: string, edit: (doc: Record<string, any>) => void): Promise<Campaign> {
    const variant = loadTestCampaign('cadence-test.yaml', (doc) => {
      doc.id = id;
      edit(doc);
    });
    await storeCampaignVersion(models(), variant, 1);
    return variant;
  }

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCollectionsStack('debtor-cadence', { temporalAddress: env.address });
    await storeCampaignVersion(models(), campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  it('when a cooperative payer gets the first text, then they pay through its link and the account closes as paid', async () => {
    const phone = '+12025550101';
    const workflowId = await begin('payer-1', phone, 'cooperative-payer');

    const view = await advanceUntil(env, stack, workflowId, (v) => v.status === 'paid', { what: 'payment' });

    expect(view.balanceMinor).toBe(0);
    expect(view.attempts.map((a) => `${a.channel}:${a.stepId}`)).toEqual(['sms:first-text']);
    const texts = textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0].body).toMatch(/attempt to collect a debt/);
    expect(texts[0].body).toMatch(/\/pay\/[\w-]+\.[\w-]+/);
    const payments = await models().payments.find({ workflowId }).lean();
    expect(payments.map((p) => p.amountMinor)).toEqual([12_500]);
    const stored = await eventually('the status mirror', async () => {
      const doc = await models().debtors.findOne({ workflowId }).lean();
      return doc?.status === 'paid' ? doc : undefined;
    });
    expect(stored.balanceMinor).toBe(0);
  });

  it('when a debtor never answers, then every step runs (a failed call retried once) and the account closes as exhausted', async () => {
    const phone = '+12025550102';
    const workflowId = await begin('silent-1', phone, 'never-answers');

    const view = await advanceUntil(env, stack, workflowId, (v) => v.status === 'exhausted', { what: 'exhaustion' });

    expect(view.attempts.map((a) => `${a.channel}:${a.stepId}:${a.outcome}`)).toEqual([
      'sms:first-text:delivered',
      'voice:first-call:no-answer',
      'voice:first-call:no-answer',
      'sms:reminder-text:delivered',
      'sms:final-text:delivered',
    ]);
    const [firstCall, retry] = view.attempts.filter((a) => a.channel === 'voice');
    expect(retry.at - firstCall.at).toBeGreaterThanOrEqual(2 * 3600_000);
    for (const attempt of view.attempts) {
      const hour = DateTime.fromMillis(attempt.at, { zone }).hour;
      expect(hour >= 8 && hour < 21, `attempt at ${DateTime.fromMillis(attempt.at, { zone }).toISO()}`).toBe(true);
    }
    expect(textsTo(phone)).toHaveLength(3);
    expect(await models().contactAttempts.countDocuments({ workflowId })).toBe(5);
  });

  it("when the debtor's experiment arm sets call hours, then every call falls inside them and the texts keep the campaign's window", async () => {
    const arms = { early: { start: '09:00', end: '10:00' }, late: { start: '17:00', end: '18:00' } };
    await storeVariant('call-hours', (doc) => {
      doc.experiments = [{ id: 'call-hour', arms: Object.entries(arms).map(([id, callHours]) => ({ id, callHours })) }];
    });
    const workflowId = await begin('hours-1', '+12025550131', 'never-answers', 1, 'call-hours');

    const view = await advanceUntil(env, stack, workflowId, (v) => v.status === 'exhausted', { what: 'exhaustion' });

    const arm = view.experimentArms!['call-hour'] as keyof typeof arms;
    const calls = view.attempts.filter((a) => a.channel === 'voice');
    expect(calls).toHaveLength(2);
    for (const attempt of calls) {
      const local = DateTime.fromMillis(attempt.at, { zone }).toFormat('HH:mm');
      expect(local >= arms[arm].start && local < arms[arm].end, `call at ${local}, arm ${arm}`).toBe(true);
    }
    expect(view.attempts.filter((a) => a.channel === 'sms')).toHaveLength(3);
  });

  it('when a promise is broken, then a reminder goes out, and a plan paid in two instalments settles the account', async () => {
    const phone = '+12025550103';
    const workflowId = await begin('promiser-1', phone, 'never-answers');
    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'first text' });

    const promiseDate = (await localNow()).plus({ days: 3 }).toISODate()!;
    const promised = await gateway().recordPromise(workflowId, { amountMinor: 5_000, dueDate: promiseDate });
    expect(promised.promise).toMatchObject({ amountMinor: 5_000, dueDate: promiseDate });
    const broken = await advanceUntil(env, stack, workflowId, (v) => v.brokenPromises === 1 && v.attempts.some((a) => a.purpose === 'promise-broken'), {
      what: 'broken promise',
    });
    expect(broken.promise).toBeUndefined();
    expect(textsTo(phone).length).toBeGreaterThanOrEqual(2);

    const today = await localNow();
    const plan = [
      { amountMinor: 6_250, dueDate: today.plus({ days: 7 }).toISODate()! },
      { amountMinor: 6_250, dueDate: today.plus({ days: 21 }).toISODate()! },
    ];
    const onPlan = await gateway().agreePlan(workflowId, { instalments: plan });
    expect(onPlan.plan?.instalments.map((i) => i.status)).toEqual(['due', 'due']);
    await gateway().paymentReceived(workflowId, { paymentId: 'inst-1', amountMinor: 6_250, at: Date.now() });
    const halfway = await advanceUntil(env, stack, workflowId, (v) => v.plan?.instalments[0].status === 'paid', { what: 'first instalment' });
    expect(halfway.balanceMinor).toBe(6_250);
    await gateway().paymentReceived(workflowId, { paymentId: 'inst-2', amountMinor: 6_250, at: Date.now() });
    // The same payment reported twice counts once.
    await gateway().paymentReceived(workflowId, { paymentId: 'inst-2', amountMinor: 6_250, at: Date.now() });

    const settled = await advanceUntil(env, stack, workflowId, (v) => v.status === 'settled-by-plan', { what: 'settlement' });
    expect(settled.balanceMinor).toBe(0);
    expect(settled.paidMinor).toBe(12_500);
  });

  /**
   * A debtor whose promise was just broken, at the end of its last grace day, in the night: the
   * reminder text waits for the morning's calling hours. `pause` acts then; a day later, no reminder.
   */
  async function reminderDroppedAfter(accountRef: string, phone: string, campaignId: string, pause: (workflowId: string) => Promise<unknown>) {
    const workflowId = await begin(accountRef, phone, 'never-answers', 1, campaignId);
    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'first text' });
    await gateway().recordPromise(workflowId, { amountMinor: 5_000, dueDate: (await localNow()).plus({ days: 3 }).toISODate()! });
    const broken = await advanceUntil(env, stack, workflowId, (v) => v.brokenPromises === 1, { what: 'broken promise' });
    expect(broken.attempts.map((a) => a.purpose)).not.toContain('promise-broken');
    const textsBefore = textsTo(phone).length;

    await pause(workflowId);
    const dayLater = await advanceBy(env, stack, workflowId, 24 * 3_600_000);

    expect(dayLater.attempts.map((a) => a.purpose)).not.toContain('promise-broken');
    expect(textsTo(phone)).toHaveLength(textsBefore);
    return (await models().auditEvents.findOne({ workflowId, type: 'reminder-dropped' }).lean())?.data;
  }

  it('when an operator pauses the account while a broken-promise reminder waits for the calling hours, then the reminder is not sent', async () => {
    const dropped = await reminderDroppedAfter('promiser-paused', '+12025550113', campaign.id, (workflowId) =>
      gateway().pause(workflowId, 'bankruptcy notice received by mail'),
    );
    expect(dropped).toEqual({ purpose: 'promise-broken', reason: 'paused' });
  });

  it('when the campaign is paused while a broken-promise reminder waits for the calling hours, then the reminder is not sent', async () => {
    const variant = await storeVariant('reminder-campaign-paused', () => undefined);
    const setPaused = (paused: boolean) => models().campaigns.updateOne({ campaignId: variant.id }, { $set: { paused } });
    const dropped = await reminderDroppedAfter('promiser-campaign-paused', '+12025550115', variant.id, () => setPaused(true));
    await setPaused(false);
    expect(dropped).toEqual({ purpose: 'promise-broken', reason: 'campaign paused' });
  });

  it("when a campaign's flag says paused before its broadcast reaches the account, then the due contact is held, and made once the campaign resumes", async () => {
    const variant = await storeVariant('held-by-campaign-pause', () => undefined);
    const phone = '+12025550114';
    const workflowId = await begin('held-1', phone, 'never-answers', 1, variant.id);
    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'first text' });
    const setPaused = (paused: boolean) => models().campaigns.updateOne({ campaignId: variant.id }, { $set: { paused } });

    // Paused in the database only, as the API does first; the broadcast that tells each account is not run.
    await setPaused(true);
    const held = await advanceUntil(env, stack, workflowId, (v) => v.nextContact?.reason === 'held: the campaign is paused', { what: 'a held contact' });
    const stillHeld = await advanceBy(env, stack, workflowId, 3 * 3_600_000);
    expect(stillHeld.attempts).toHaveLength(1);
    expect(stillHeld.nextContact).toMatchObject({ reason: 'held: the campaign is paused', stepId: held.nextContact!.stepId });

    await setPaused(false);
    const contacted = await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 2, { what: 'the held contact' });
    expect(contacted.attempts[1].stepId).toBe(held.nextContact!.stepId);
  });

  it('when the debtor replies STOP mid-campaign, then no further text is sent, the opt-out is confirmed once and kept in the ledger', async () => {
    const phone = '+12025550104';
    const workflowId = await begin('stopper-1', phone, 'sms-stopper');

    const view = await advanceUntil(env, stack, workflowId, (v) => v.status === 'exhausted', { what: 'end of cadence' });

    expect(view.optedOut.sms).toBe(true);
    const sms = view.attempts.filter((a) => a.channel === 'sms');
    expect(sms.map((a) => a.outcome)).toEqual(['delivered', 'skipped-opted-out', 'skipped-opted-out']);
    const outbound = textsTo(phone);
    expect(outbound).toHaveLength(2);
    expect(outbound[1].body).toMatch(/unsubscribed/);
    const ledger = await models().consentEvents.find({ phone }).lean();
    expect(ledger.filter((e) => e.channel === 'sms').map((e) => e.kind)).toEqual(['opt-out']);
    // Calls are a different channel: STOP by text does not end them (this persona then says
    // "don't call me again" on the call, which the call records as a voice opt-out of its own).
    expect(ledger.filter((e) => e.channel === 'voice').map((e) => e.kind)).toEqual(['opt-out']);
    expect(view.attempts.some((a) => a.channel === 'voice')).toBe(true);
  });

  it('when the debtor disputes the debt, then all contact stops and a human task is opened', async () => {
    const phone = '+12025550105';
    const workflowId = await begin('disputer-1', phone, 'never-answers');
    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'first text' });

    const disputed = await gateway().dispute(workflowId, 'says the debt is not theirs');
    expect(disputed.status).toBe('disputed');
    const after = await advanceBy(env, stack, workflowId, 10 * 24 * 3_600_000);

    expect(after.attempts).toHaveLength(1);
    expect(textsTo(phone)).toHaveLength(1);
    const tasks = await models().humanTasks.find({ workflowId }).lean();
    expect(tasks.map((t) => [t.reason, t.status])).toEqual([['disputed', 'open']]);
    await expect(gateway().recordPromise(workflowId, { amountMinor: 100, dueDate: '2030-01-01' })).rejects.toThrow(/closed|no running workflow/);
  });

  it.each([
    ['07:59', 'the same day at 08:00'],
    ['21:00', 'the next day at 08:00'],
  ])('when a call falls due at %s local time, then it is deferred to %s', async (dueAt, _expected) => {
    const now = await localNow();
    const [hour, minute] = dueAt.split(':').map(Number);
    let due = now.set({ hour, minute, second: 0, millisecond: 0 });
    if (due <= now.plus({ minutes: 5 })) due = due.plus({ days: 1 });
    const minutes = Math.ceil(due.diff(now, 'minutes').minutes);
    const id = `window-${dueAt.replace(':', '')}`;
    await storeVariant(id, (doc) => {
      doc.cadence.steps = [{ id: 'only-call', channel: 'voice', delay: { after: 'start', duration: `PT${minutes}M` }, script: 'call-script', retry: { maxRetries: 0 } }];
    });
    const workflowId = await begin(`window-${hour}`, `+120255501${hour}`, 'never-answers', 1, id);

    const view = await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'the call', maxDays: 3 });

    const called = DateTime.fromMillis(view.attempts[0].at, { zone });
    const dueLocal = DateTime.fromMillis(now.toMillis() + minutes * 60_000, { zone });
    expect(called.toFormat('HH:mm')).toBe('08:00');
    expect(called.toISODate()).toBe(dueAt === '07:59' ? dueLocal.toISODate() : dueLocal.plus({ days: 1 }).toISODate());
  });

  it('when a campaign outside US law allows calls from 06:00, then a +1 number is still called no earlier than 08:00', async () => {
    const now = await localNow();
    let due = now.set({ hour: 7, minute: 0, second: 0, millisecond: 0 });
    if (due <= now.plus({ minutes: 5 })) due = due.plus({ days: 1 });
    const minutes = Math.ceil(due.diff(now, 'minutes').minutes);
    await storeVariant('early-abroad', (doc) => {
      doc.jurisdiction = 'GB';
      doc.contactWindow.start = '06:00';
      doc.cadence.steps = [{ id: 'only-call', channel: 'voice', delay: { after: 'start', duration: `PT${minutes}M` }, script: 'call-script', retry: { maxRetries: 0 } }];
    });
    const workflowId = await begin('early-abroad-1', '+12025550131', 'never-answers', 1, 'early-abroad');

    const view = await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'the call', maxDays: 3 });

    expect(DateTime.fromMillis(view.attempts[0].at, { zone }).toFormat('HH:mm')).toBe('08:00');
  });

  it('when an 8th call would fall within 7 days, then it waits until the 7-day window allows it', async () => {
    await storeVariant('eight-calls', (doc) => {
      doc.cadence.steps = Array.from({ length: 8 }, (_, i) => ({
        id: `call-${i + 1}`,
        channel: 'voice',
        delay: { after: 'previous', duration: 'PT1H' },
        script: 'call-script',
        retry: { maxRetries: 0 },
      }));
    });
    const workflowId = await begin('eight-calls-1', '+12025550108', 'never-answers', 1, 'eight-calls');

    const view = await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 8, { what: 'eight calls', maxDays: 14 });

    const days = view.attempts.map((a) => DateTime.fromMillis(a.at, { zone }).startOf('day'));
    const eighth = days[7];
    const inLastSevenDays = days.slice(0, 7).filter((d) => eighth.diff(d, 'days').days < 7);
    expect(inLastSevenDays.length, `8th call on ${eighth.toISODate()} after ${days.slice(0, 7).map((d) => d.toISODate())}`).toBeLessThan(7);
    expect(eighth.diff(days[0], 'days').days).toBeGreaterThanOrEqual(7);
  });

  it('when an operator records that consent to artificial voices was revoked, then the next call step falls back to a text', async () => {
    const phone = '+12025550111';
    const workflowId = await begin('revoked-1', phone, 'never-answers');
    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'first text' });

    const refused = await fetch(`${stack.service.httpUrl}/contacts/12025550111/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(stack.service.httpUrl!) },
      body: JSON.stringify({ kind: 'artificial-voice-revoked', channel: 'voice', source: 'letter' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ details: [{ path: 'phone' }] });
    const entry = await fetch(`${stack.service.httpUrl}/contacts/${encodeURIComponent(phone)}/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(stack.service.httpUrl!) },
      body: JSON.stringify({ kind: 'artificial-voice-revoked', channel: 'voice', source: 'agent: letter of revocation', entryId: 'letter-1' }),
    });
    expect(entry.status).toBe(201);

    const view = await advanceUntil(env, stack, workflowId, (v) => v.attempts.some((a) => a.stepId === 'first-call'), { what: 'the call step' });

    expect(view.attempts.map((a) => `${a.stepId}:${a.channel}`)).toEqual(['first-text:sms', 'first-call:sms']);
    expect(stack.simulator.store.listCalls({ to: phone })).toHaveLength(0);
    const fellBack = await models().auditEvents.countDocuments({ workflowId, type: 'voice-fell-back-to-sms' });
    expect(fellBack).toBe(1);
  });

  it('when a long campaign outgrows its history, then the workflow continues as new with its state and works on to the end', async () => {
    await storeVariant('long-campaign', (doc) => {
      doc.cadence.steps = Array.from({ length: 12 }, (_, i) => ({
        id: `text-${i + 1}`,
        channel: 'sms',
        delay: { after: 'previous', duration: i === 0 ? 'PT0S' : 'P1D' },
        template: 'reminder',
      }));
      doc.cadence.limits = { maxAttemptsPerChannel: { sms: 12, voice: 1 }, maxAttemptsTotal: 12 };
    });
    const phone = '+12025550110';
    stack.simulator.people.assign(phone, 'never-answers');
    const workflowId = await startDebtor(models(), gateway(), 'long-campaign', 1, debtorProfile('long-1', phone), { continueAsNewAfterEvents: 120 });

    const view = await advanceUntil(env, stack, workflowId, (v) => v.status === 'exhausted', { what: 'the end of a long campaign', maxDays: 20 });

    expect(view.attempts.map((a) => a.stepId)).toEqual(Array.from({ length: 12 }, (_, i) => `text-${i + 1}`));
    expect(textsTo(phone)).toHaveLength(12);
    const history = await gateway().client.workflow.getHandle(workflowId).fetchHistory();
    expect(history.events?.[0].workflowExecutionStartedEventAttributes?.continuedExecutionRunId, 'the last run continued an earlier one').toBeTruthy();
  });

  it('when the campaign is updated mid-flight, then the next step follows the new version and the audit says which version governed each contact', async () => {
    const phone = '+12025550109';
    const workflowId = await begin('update-1', phone, 'never-answers');
    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 1, { what: 'first text' });

    const v2 = loadTestCampaign('cadence-test.yaml', (doc) => {
      doc.cadence.steps = doc.cadence.steps.filter((s: { channel: string }) => s.channel === 'sms');
      doc.templates.reminder.text.en = 'UPDATED reminder from {{campaignName}}: {{amountDue}}. Pay: {{paymentLink}}';
    });
    await storeCampaignVersion(models(), v2, 2);
    await gateway().campaignUpdated(workflowId, 2);

    const view = await advanceUntil(env, stack, workflowId, (v) => v.attempts.some((a) => a.stepId === 'reminder-text'), { what: 'reminder' });

    expect(view.campaignVersion).toBe(2);
    expect(view.attempts.map((a) => `${a.stepId}@v${a.campaignVersion}`)).toEqual(['first-text@v1', 'reminder-text@v2']);
    expect(textsTo(phone).at(-1)?.body).toMatch(/UPDATED reminder/);
    const adopted = await models().auditEvents.find({ workflowId, type: 'campaign-version-adopted' }).lean();
    expect(adopted.map((e) => e.data)).toEqual([{ from: 1, to: 2 }]);
  });
});
