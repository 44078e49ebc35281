import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Worker } from '@temporalio/worker';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, saveGoldenHistory, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { workflowsPath } from '../../src/temporal/worker';
import type { DebtorProfile, DebtorView } from '../../workflows/debtor/debtor.messages';
import { callWorkflowIdFor } from '../../workflows/call/place-call';
import { pickArm } from '../../src/experiments/arms';

// Short journeys in real time on the Temporal dev server. Each is replayed against the workflow
// code at once, and with UPDATE_GOLDEN_HISTORIES=1 saved under test/golden-histories, which
// test/replay replays in every CI run: a change that would break running workflows fails there.

describe('golden journeys on the dev server', () => {
  let stack: CollectionsStack;
  const campaign = loadTestCampaign('fast-cadence.yaml');
  const models = () => stack.service.mongo.models;
  const gateway = () => stack.service.gateway;

  beforeAll(async () => {
    stack = await startCollectionsStack('golden-journeys');
    await storeCampaignVersion(models(), campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function journey(
    name: string,
    persona: string,
    act: (workflowId: string) => Promise<void>,
    done: (v: DebtorView) => boolean,
    profile: Partial<DebtorProfile> = {},
    campaignId = campaign.id,
  ): Promise<DebtorView> {
    // A UK number, as the campaign is under UK law: a +1 number would be held to US calling hours.
    const phone = `+447700900${String(1000 + name.length * 37 + persona.length).slice(-3)}`;
    stack.simulator.people.assign(phone, persona);
    const workflowId = await startDebtor(models(), gateway(), campaignId, 1, debtorProfile(name, phone, profile));
    await act(workflowId);
    let last: DebtorView | undefined;
    const view = await eventually(`${name} to finish (last state: ${JSON.stringify(last)})`, async () => {
      last = await gateway().debtorState(workflowId);
      return done(last) ? last : undefined;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}; last state: ${JSON.stringify(last)}`);
    });
    const history = await gateway().client.workflow.getHandle(workflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowsPath, replayName: name }, history, workflowId);
    await saveGoldenHistory(gateway(), workflowId, name);
    return view;
  }

  /** A call's own history (webhooks as Updates, its activities) replays too, and is saved beside its debtor's. */
  async function callReplays(view: DebtorView, attemptKey: string, name: string): Promise<void> {
    const callWorkflowId = callWorkflowIdFor(view.workflowId, attemptKey);
    await Worker.runReplayHistory({ workflowsPath, replayName: name }, await gateway().client.workflow.getHandle(callWorkflowId).fetchHistory(), callWorkflowId);
    await saveGoldenHistory(gateway(), callWorkflowId, name);
  }

  const waitForAttempts = (workflowId: string, count: number) =>
    eventually(`${count} attempts`, async () => ((await gateway().debtorState(workflowId)).attempts.length >= count ? true : undefined), 30_000);

  it('when a payer pays through the texted link, then the account closes as paid and its history replays', async () => {
    const view = await journey('payer-pays', 'cooperative-payer', async () => undefined, (v) => v.status === 'paid');
    expect(view.balanceMinor).toBe(0);
  });

  it('when the debtor pays on the call through the link texted during it, then the account closes as paid and both histories replay', async () => {
    const view = await journey('pays-on-the-call', 'pays-on-the-call', async () => undefined, (v) => v.status === 'paid' && v.attempts.length === 3, {
      fullName: 'Robin Diaz',
      firstName: 'Robin',
      birthYear: 1990,
    });
    expect(view.attempts.map((a) => [a.channel, a.purpose, a.outcome])).toEqual([
      ['sms', 'cadence:first-text', 'delivered'],
      ['sms', 'payment-link-requested', 'delivered'],
      ['voice', 'call:first-call', 'answered'],
    ]);
    await callReplays(view, view.attempts[2]!.attemptKey, 'pays-on-the-call.call');
  });

  it('when nobody answers, then the cadence runs out and its history replays', async () => {
    const view = await journey('nobody-answers', 'never-answers', async () => undefined, (v) => v.status === 'exhausted');
    expect(view.attempts.map((a) => a.stepId)).toEqual(['first-text', 'first-call', 'first-call', 'second-text']);
    expect(view.attempts[1]).toMatchObject({ channel: 'voice', outcome: 'no-answer' });
    await callReplays(view, view.attempts[1]!.attemptKey, 'nobody-answers.call');
  });

  it('when the person texts STOP, then later texts are skipped and its history replays', async () => {
    const view = await journey('texts-stop', 'sms-stopper', async () => undefined, (v) => v.status === 'exhausted');
    expect(view.attempts.filter((a) => a.channel === 'sms').map((a) => a.outcome)).toEqual(['delivered', 'skipped-opted-out']);
  });

  it('when the debt is disputed, then contact stops and its history replays', async () => {
    const view = await journey(
      'disputes',
      'never-answers',
      async (workflowId) => {
        await waitForAttempts(workflowId, 1);
        await gateway().dispute(workflowId, 'not my debt');
      },
      (v) => v.status === 'disputed',
    );
    expect(view.attempts).toHaveLength(1);
  });

  it('when a promise is kept by a payment, then the cadence goes on to the end and its history replays', async () => {
    const view = await journey(
      'promise-kept',
      'never-answers',
      async (workflowId) => {
        await waitForAttempts(workflowId, 1);
        const today = DateTime.now().setZone('America/New_York').toISODate()!;
        await gateway().recordPromise(workflowId, { amountMinor: 2_500, dueDate: today });
        await gateway().paymentReceived(workflowId, { paymentId: 'promise-kept-1', amountMinor: 2_500, at: Date.now() });
      },
      (v) => v.status === 'exhausted',
    );
    expect(view.balanceMinor).toBe(10_000);
    expect(view.brokenPromises).toBe(0);
  });

  it('when a plan is agreed and paid, then the account is settled by plan and its history replays', async () => {
    const view = await journey(
      'plan-settled',
      'never-answers',
      async (workflowId) => {
        await waitForAttempts(workflowId, 1);
        const today = DateTime.now().setZone('America/New_York');
        await gateway().agreePlan(workflowId, {
          instalments: [
            { amountMinor: 6_250, dueDate: today.plus({ days: 1 }).toISODate()! },
            { amountMinor: 6_250, dueDate: today.plus({ days: 8 }).toISODate()! },
          ],
        });
        await gateway().paymentReceived(workflowId, { paymentId: 'plan-1', amountMinor: 6_250, at: Date.now() });
        await gateway().paymentReceived(workflowId, { paymentId: 'plan-2', amountMinor: 6_250, at: Date.now() });
      },
      (v) => v.status === 'settled-by-plan',
    );
    expect(view.paidMinor).toBe(12_500);
  });

  it('when the campaign changes mid-flight, then the next text follows the new version and its history replays', async () => {
    const v2 = loadTestCampaign('fast-cadence.yaml', (doc) => {
      doc.templates.notice.text.en = 'VERSION TWO: {{name}}, {{amountDue}} is open. Pay: {{paymentLink}}';
    });
    const view = await journey(
      'campaign-updated',
      'never-answers',
      async (workflowId) => {
        await waitForAttempts(workflowId, 1);
        await storeCampaignVersion(models(), v2, 2);
        await gateway().campaignUpdated(workflowId, 2);
      },
      (v) => v.status === 'exhausted',
    );
    expect(view.attempts.at(-1)?.campaignVersion).toBe(2);
  });

  it("when the debtor's experiment arm is stopped mid-flight, then they move to the other arm, its wording follows, and the history replays", async () => {
    const withArms = (stopped: string | undefined) =>
      loadTestCampaign('fast-cadence.yaml', (doc) => {
        doc.id = 'fast-experiment';
        doc.experiments = [
          {
            id: 'notice-wording',
            arms: [
              { id: 'plain', stopped: stopped === 'plain' },
              { id: 'short', stopped: stopped === 'short', templates: { notice: { en: 'SHORT: {{amountDue}} due. {{paymentLink}}' } } },
            ],
          },
        ];
      });
    const v1 = withArms(undefined);
    await storeCampaignVersion(models(), v1, 1);
    const first = pickArm(v1.experiments[0]!, 'debtor/fast-experiment/arm-stopped')!;
    const view = await journey(
      'arm-stopped',
      'never-answers',
      async (workflowId) => {
        await waitForAttempts(workflowId, 1);
        await storeCampaignVersion(models(), withArms(first), 2);
        await gateway().campaignUpdated(workflowId, 2);
      },
      (v) => v.status === 'exhausted',
      {},
      'fast-experiment',
    );
    const other = first === 'plain' ? 'short' : 'plain';
    expect(view.experimentArms).toEqual({ 'notice-wording': other });
    const { phone } = (await models().debtors.findOne({ workflowId: view.workflowId }).lean())!;
    const texts = stack.simulator.store.listMessages({ to: phone }).map((m) => m.body);
    const wording = (arm: string) => (arm === 'short' ? /SHORT: / : /here about/);
    expect(texts[0]).toMatch(wording(first));
    expect(texts.at(-1)).toMatch(wording(other));
    const audit = await models().auditEvents.find({ workflowId: view.workflowId, type: /^experiment-/ }).sort({ chainSeq: 1 }).lean();
    expect(audit.map((entry) => [entry.type, entry.data])).toEqual([
      ['experiment-assigned', expect.objectContaining({ experimentId: 'notice-wording', armId: first, campaignVersion: 1 })],
      ['experiment-arm-moved', expect.objectContaining({ armId: other, from: first, reason: 'arm-stopped', campaignVersion: 2 })],
    ]);
  });
});
