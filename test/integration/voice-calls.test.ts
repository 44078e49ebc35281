import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompleteAsyncError } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { eventually, serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { callInput, daytimeZone, personSaid, runCall, serviceSaid, storedHumanTask } from '../support/call-fixtures';
import { mentionsDebtDetail } from '../../src/dialog/debt-detail';
import { createCallActivities } from '../../activities/call.activities';
import { createTwilioRestClient } from '../../src/adapters/twilio/twilio-rest-client';
import { twilioCallGateway } from '../../src/adapters/twilio/twilio-calls';
import type { CallResult, PlacedCall } from '../../workflows/call/call.messages';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';
import { decodedStrings } from '../support/pii-scan';

// Whole calls through the real worker, FerretDB, the Twilio simulator (official client, signed
// webhooks, TwiML interpreter, personas) and the service's own voice webhooks; rule-based engine.

const MINI_MIRANDA = 'This is an attempt to collect a debt and any information obtained will be used for that purpose.';
const MINI_MIRANDA_ZH = '这是一项债务催收行为，所获取的任何信息都将用于此目的。';
const AGENT = '+12125550143';

interface PersonaCase {
  persona: string;
  debtor: Partial<DebtorProfile>;
  expected: Partial<CallResult>;
  /** The disclosure must be heard after the person gave their year of birth. */
  disclosure?: string;
  /** Nothing about the debt may be said on this call (third party, machine, no verification). */
  noDebtDetail?: boolean;
  check?: (result: CallResult) => void;
}

const cases: PersonaCase[] = [
  {
    persona: 'cooperative-payer',
    debtor: { fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985 },
    expected: { status: 'completed', answeredBy: 'human', rightPartyVerified: true, conversation: true, payNow: { amountMinor: 12_500 } },
    disclosure: MINI_MIRANDA,
  },
  {
    // Alone, with no debtor workflow to text the link, the call still records the wish to pay now;
    // the journey below has the payment made on the line.
    persona: 'pays-on-the-call',
    debtor: { fullName: 'Robin Diaz', firstName: 'Robin', birthYear: 1990 },
    expected: { status: 'completed', answeredBy: 'human', rightPartyVerified: true, conversation: true, payNow: { amountMinor: 12_500 } },
    disclosure: MINI_MIRANDA,
  },
  {
    persona: 'promiser',
    debtor: { fullName: 'Sam Rivera', firstName: 'Sam', birthYear: 1979, amountDueMinor: 50_000 },
    expected: { answeredBy: 'human', rightPartyVerified: true, conversation: true },
    disclosure: MINI_MIRANDA,
    check: (r) => expect(r.promise?.amountMinor).toBe(20_000),
  },
  {
    persona: 'instalment-seeker',
    debtor: { fullName: 'Alex Morgan', firstName: 'Alex', birthYear: 1990, amountDueMinor: 20_000 },
    expected: { rightPartyVerified: true, conversation: true },
    disclosure: MINI_MIRANDA,
    check: (r) => expect(r.plan?.instalments.map((i) => i.amountMinor)).toEqual([5_000, 5_000, 5_000, 5_000]),
  },
  {
    // "Stop calling me" outranks the anger: the opt-out is honoured before anything else.
    persona: 'angry-debtor',
    debtor: { fullName: 'Chris Walker', firstName: 'Chris', birthYear: 1972 },
    expected: { answeredBy: 'human', rightPartyVerified: false, conversation: false, optOut: true },
    noDebtDetail: true,
  },
  {
    persona: 'disputer',
    debtor: { fullName: 'Taylor Brooks', firstName: 'Taylor', birthYear: 1983 },
    expected: { rightPartyVerified: true, dispute: true },
    disclosure: MINI_MIRANDA,
    check: (r) => expect(r.escalated).toMatchObject({ reason: 'dispute', to: 'agent-number', target: AGENT, agentAnswered: true }),
  },
  {
    persona: 'wrong-number',
    debtor: { fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985 },
    expected: { answeredBy: 'human', rightPartyVerified: false, conversation: false, wrongPerson: true },
    noDebtDetail: true,
  },
  {
    // Every year from 1940 to 2007 in one answer, twice: no verification, and the call ends.
    persona: 'year-guesser',
    debtor: { fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985 },
    expected: { status: 'completed', answeredBy: 'human', rightPartyVerified: false, conversation: false },
    noDebtDetail: true,
  },
  {
    // Reads a card out on the call: the call goes on as with any payer (the number is redacted, see voice-own-speech and the demo's scan).
    persona: 'card-reader',
    debtor: { fullName: 'Quinn Avery', firstName: 'Quinn', birthYear: 1988 },
    expected: { answeredBy: 'human', rightPartyVerified: true },
    disclosure: MINI_MIRANDA,
  },
  {
    // Refuses calls (their SSN comes by text, in the demo): "please don't call me" is an opt-out of calls.
    persona: 'ssn-texter',
    debtor: {},
    expected: { answeredBy: 'human', rightPartyVerified: false },
    noDebtDetail: true,
  },
  {
    persona: 'voicemail',
    debtor: { fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985 },
    expected: { status: 'completed', answeredBy: 'machine', voicemailLeft: true, turns: 0, conversation: false },
    noDebtDetail: true,
  },
  { persona: 'never-answers', debtor: {}, expected: { status: 'no-answer', answeredBy: 'nobody', turns: 0 }, noDebtDetail: true },
  { persona: 'busy-line', debtor: {}, expected: { status: 'busy', answeredBy: 'nobody', turns: 0 }, noDebtDetail: true },
  { persona: 'disconnected-number', debtor: {}, expected: { status: 'failed', answeredBy: 'nobody', turns: 0 }, noDebtDetail: true },
  // Survey respondents who only text: nobody picks up their phone.
  ...[
    'survey-sms-complete',
    'survey-sms-complete-zh',
    'survey-sms-detractor',
    'survey-sms-detractor-zh',
    'survey-sms-hedger',
    'survey-sms-hedger-zh',
    'survey-sms-refuser',
    'survey-sms-refuser-zh',
    'survey-sms-stopper',
    'survey-sms-stopper-zh',
  ].map(
    (persona): PersonaCase => ({ persona, debtor: {}, expected: { status: 'no-answer', answeredBy: 'nobody', turns: 0 }, noDebtDetail: true }),
  ),
  { persona: 'sms-stopper', debtor: {}, expected: { answeredBy: 'human', optOut: true, rightPartyVerified: false }, noDebtDetail: true },
  {
    persona: 'mandarin-debtor',
    debtor: { fullName: '王伟', firstName: '伟', birthYear: 1978, language: 'zh-CN', currency: 'CNY', amountDueMinor: 200_000 },
    expected: { rightPartyVerified: true, conversation: true },
    disclosure: MINI_MIRANDA_ZH,
    check: (r) => expect(r.plan?.instalments.map((i) => i.amountMinor)).toEqual([50_000, 50_000, 50_000, 50_000]),
  },
  {
    // Survey personas answer whatever they are asked; with no second factor on file the name
    // alone verifies, and the call still walks the script in order and ends.
    persona: 'survey-complete',
    debtor: { fullName: 'Morgan Price', firstName: 'Morgan', birthYear: undefined },
    expected: { rightPartyVerified: true, status: 'completed' },
  },
  {
    persona: 'survey-dropout',
    debtor: { fullName: 'Morgan Price', firstName: 'Morgan', birthYear: undefined },
    expected: { status: 'completed', answeredBy: 'human' },
  },
  // Survey callers answer a collections call as a person: those who say "yes" to anything walk the
  // script like survey-complete; the others never verify, so the call never gets to the debt.
  ...['survey-voice-complete', 'survey-voice-llm'].map((persona): PersonaCase => ({ persona, debtor: {}, expected: { status: 'completed', answeredBy: 'human' } })),
  ...['survey-voice-complete-zh', 'survey-voice-dropout', 'survey-voice-dropout-zh', 'survey-voice-wants-person'].map(
    (persona): PersonaCase => ({ persona, debtor: {}, expected: { status: 'completed', answeredBy: 'human', rightPartyVerified: false }, noDebtDetail: true }),
  ),
];

describe('voice calls', () => {
  let stack: CollectionsStack;
  const campaign = loadTestCampaign('voice-test.yaml');
  const debtDetailContext = (debtor: DebtorProfile) => ({
    account: { amountDueMinor: debtor.amountDueMinor, currency: debtor.currency, creditorName: campaign.name, dueDate: debtor.dueDate },
    collector: { agentName: 'Sam Taylor', companyName: campaign.name, callbackNumber: '1-800-555-0100' },
  });

  beforeAll(async () => {
    stack = await startCollectionsStack('voice-calls');
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('covers every persona in the library', () => {
    expect(cases.map((c) => c.persona).sort()).toEqual(stack.simulator.people.personas().map((p) => p.name).sort());
  });

  it.each(cases.map((c, i) => ({ ...c, i })))('when $persona is called, then the outcome is theirs and nothing forbidden is said', async ({ persona, debtor: overrides, expected, disclosure, noDebtDetail, check, i }) => {
    const phone = `+1202555${2000 + i}`;
    stack.simulator.people.assign(phone, persona);
    const debtor = debtorProfile(`acct-${persona}`, phone, { timeZone: daytimeZone(), ...overrides });
    const callWorkflowId = `call-test/${persona}`;

    const result = await runCall(stack, callWorkflowId, callInput(debtor));

    expect(result).toMatchObject(expected);
    check?.(result);
    await stack.simulator.settle();
    const calls = stack.simulator.store.listCalls({ to: phone });
    expect(calls).toHaveLength(1);
    const said = serviceSaid(calls[0]!.transcript);
    if (disclosure) {
      const heard = personSaid(calls[0]!.transcript);
      const yearAt = calls[0]!.transcript.findIndex((e) => e.kind === 'person-said' && e.text.includes(String(debtor.birthYear)));
      const disclosedAt = calls[0]!.transcript.findIndex((e) => e.kind === 'service-said' && e.text.includes(disclosure));
      expect(heard.length).toBeGreaterThan(0);
      expect(yearAt).toBeGreaterThanOrEqual(0);
      expect(disclosedAt).toBeGreaterThan(yearAt);
      // Nothing about the debt before the disclosure.
      const before = calls[0]!.transcript.slice(0, disclosedAt).flatMap((e) => (e.kind === 'service-said' ? [e.text] : []));
      for (const text of before) expect(mentionsDebtDetail(text, debtDetailContext(debtor))).toBe(false);
    }
    if (noDebtDetail) for (const text of said) expect(mentionsDebtDetail(text, debtDetailContext(debtor))).toBe(false);
    // Every turn is stored (redacted) outside the workflow, keyed by call.
    const { callTurns, calls: callRecords } = stack.service.mongo.models;
    expect(await callTurns.countDocuments({ callWorkflowId })).toBe(result.turns);
    const record = await callRecords.findOne({ callWorkflowId }).lean();
    expect(record?.status).toBe(result.status);
  });

  /** A person who answers at once, says `conversation`'s lines, then says goodbye and hangs up. */
  const cardReader = (phone: string, description: string, conversation: Record<string, unknown>) =>
    stack.simulator.people.assign(phone, { description, answers: 'person', ringSeconds: 1, conversation: { ...conversation, otherwise: { say: 'Bye.', hangUp: true } } });

  it('when a caller reads out a card number, then it is redacted before the workflow, the records and the turn store', async () => {
    const phone = '+12025553001';
    cardReader(phone, 'Reads out a card number instead of answering.', { rules: [{ match: 'speak (with|to)', reply: 'My card is 4111 1111 1111 1111, who is this?' }] });
    const debtor = debtorProfile('acct-card', phone, { timeZone: daytimeZone() });
    const callWorkflowId = 'call-test/card';
    await runCall(stack, callWorkflowId, callInput(debtor));
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).lean();
    expect(turns.map((t) => t.heard).join(' ')).not.toMatch(/4111/);
    const history = await stack.service.gateway.client.workflow.getHandle(callWorkflowId).fetchHistory();
    expect(JSON.stringify(history)).not.toMatch(/4111 1111/);
    expect(Buffer.from(JSON.stringify(history)).toString()).not.toMatch(/NDExMSAxMTEx/); // base64 of "4111 1111"
  });

  it('when a caller reads a card number out in words over two turns, then neither turn keeps its half, in the history or the turn store', async () => {
    const phone = '+12025553003';
    cardReader(phone, 'Reads out a card number in two halves instead of answering.', { script: ['My card is four one one one one one one one.', 'one one one one one one one one'] });
    const callWorkflowId = 'call-test/card-in-halves';
    await runCall(stack, callWorkflowId, callInput(debtorProfile('acct-card-halves', phone, { timeZone: daytimeZone() })));
    await stack.simulator.settle();
    const spoken = stack.simulator.store.listCalls({ to: phone })[0]!.transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : []));
    expect(spoken).toContain('one one one one one one one one');
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    expect(turns.map((t) => t.heard)).toEqual(expect.arrayContaining(['My card is [CARD].', '[CARD]']));
    // The first half reached the history before the second showed what it was; the second never did.
    const history = decodedStrings(await stack.service.gateway.client.workflow.getHandle(callWorkflowId).fetchHistory());
    expect(history.some((text) => text.includes('four one one one'))).toBe(true);
    expect(history.filter((text) => text.includes('one one one one one one one one'))).toEqual([]);
  });

  it('when placeCall is retried for the same attempt, then it asks Twilio for the first call instead of placing a second', async () => {
    const phone = '+12025553002';
    stack.simulator.people.assign(phone, 'busy-line');
    const { config } = stack;
    const activities = createCallActivities({
      repositories: stack.service.mongo.repositories,
      calls: twilioCallGateway(createTwilioRestClient({ accountSid: config.twilio.accountSid!, authToken: config.twilio.authToken!, apiBaseUrl: config.twilio.apiBaseUrl }), serviceNumber),
      publicBaseUrl: config.http.publicBaseUrl,
      fromNumber: serviceNumber,
    });
    const input = { attemptKey: 'retry-test/c1/first-call/r0', callWorkflowId: 'retry-test/call/c1/first-call/r0', debtorWorkflowId: 'retry-test', campaignId: campaign.id, campaignVersion: 1, stepId: 'first-call', to: phone };

    // The first try places the call and leaves completion to the status callback...
    await expect(new MockActivityEnvironment().run(activities.placeCall, input)).rejects.toBeInstanceOf(CompleteAsyncError);
    await stack.simulator.settle();
    // ...which is lost (nothing runs this call's workflow): the retry finds the SID and the final status.
    const retried: PlacedCall = await new MockActivityEnvironment({ attempt: 2 }).run(activities.placeCall, input);

    expect(retried.status).toBe('busy');
    expect(stack.simulator.store.listCalls({ to: phone })).toHaveLength(1);
    const attempt = await stack.service.mongo.models.contactAttempts.findOne({ attemptKey: input.attemptKey }).lean();
    expect(attempt).toMatchObject({ state: 'sent', providerSid: retried.callSid, providerStatus: 'busy' });
  });

  describe('in a debtor journey', () => {
    const journeyDebtor = (ref: string, phone: string, overrides: Partial<DebtorProfile> = {}) =>
      debtorProfile(ref, phone, { timeZone: daytimeZone(), ...overrides });

    it('when the debtor promises on the call, then the debtor workflow follows the promise and counts the conversation', async () => {
      const phone = '+12025553010';
      stack.simulator.people.assign(phone, 'promiser');
      const { models } = stack.service.mongo;
      const workflowId = await startDebtor(models, stack.service.gateway, campaign.id, 1, journeyDebtor('journey-promise', phone, { fullName: 'Sam Rivera', firstName: 'Sam', birthYear: 1979, amountDueMinor: 50_000 }));

      const view = await eventually('the promise from the call', async () => {
        const v = await stack.service.gateway.debtorState(workflowId);
        return v.promise && v.status === 'awaiting-promise' ? v : undefined;
      });

      expect(view.promise?.amountMinor).toBe(20_000);
      expect(view.status).toBe('awaiting-promise');
      expect(view.conversations).toHaveLength(1);
      expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'answered' }]);
    });

    it('when the debtor pays through the link texted during the call, then the call thanks them and the account closes as paid', async () => {
      const phone = '+12025553014';
      stack.simulator.people.assign(phone, 'pays-on-the-call');
      const { gateway } = stack.service;
      const { models } = stack.service.mongo;
      const workflowId = await startDebtor(models, gateway, campaign.id, 1, journeyDebtor('journey-pay-on-call', phone, { fullName: 'Robin Diaz', firstName: 'Robin', birthYear: 1990 }));

      const view = await eventually('the payment', async () => {
        const v = await gateway.debtorState(workflowId);
        return v.outcome ? v : undefined;
      }, 60_000);

      expect(view).toMatchObject({ outcome: 'paid', balanceMinor: 0, paidMinor: 12_500 });
      const call = await eventually('the call record', async () => {
        const found = await models.calls.findOne({ debtorWorkflowId: workflowId }).lean();
        return found?.outcome ? found : undefined;
      });
      expect(call.outcome).toMatchObject({ payNow: { amountMinor: 12_500, linkSent: true }, paidDuringCall: { amountMinor: 12_500 } });
      await stack.simulator.settle();
      // One text with the link, sent while the call was live; the caller heard the payment confirmed.
      const texts = stack.simulator.store.listMessages({ to: phone });
      expect(texts).toHaveLength(1);
      const [placed] = stack.simulator.store.listCalls({ to: phone });
      expect(texts[0]!.dateCreated.getTime()).toBeLessThan(placed!.endTime!.getTime());
      expect(serviceSaid(placed!.transcript).at(-1)).toMatch(/your payment of \$125(\.00)? has come through/);
    });

    it('when the debtor disputes on the call, then all contact stops as disputed', async () => {
      const phone = '+12025553011';
      stack.simulator.people.assign(phone, 'disputer');
      const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, journeyDebtor('journey-dispute', phone, { fullName: 'Taylor Brooks', firstName: 'Taylor', birthYear: 1983 }));

      const view = await eventually('the dispute', async () => {
        const v = await stack.service.gateway.debtorState(workflowId);
        return v.outcome ? v : undefined;
      });
      expect(view.outcome).toBe('disputed');
    });

    it('when the caller opts out on the call, then voice is opted out in the workflow and in the consent ledger', async () => {
      const phone = '+12025553012';
      stack.simulator.people.assign(phone, 'sms-stopper');
      const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, journeyDebtor('journey-optout', phone));

      await eventually('the voice opt-out', async () => ((await stack.service.gateway.debtorState(workflowId)).optedOut.voice ? true : undefined));
      const events = await eventually('the consent event', async () => {
        const found = await stack.service.mongo.models.consentEvents.find({ phone }).lean();
        return found.length > 0 ? found : undefined;
      });
      expect(events).toMatchObject([{ kind: 'opt-out', channel: 'voice' }]);
    });

    it('when the caller asks for a person and no agent answers, then a human task opens and its resolution lets the workflow go on', async () => {
      const phone = '+12025553013';
      stack.simulator.agents.set(AGENT, { outcome: 'no-answer' });
      stack.simulator.people.assign(phone, {
        description: 'Confirms who they are, then wants a person.',
        answers: 'person',
        ringSeconds: 1,
        identity: { name: 'Robin Hale', yearOfBirth: 1970 },
        conversation: {
          rules: [
            { match: 'year of birth', reply: '{{yearOfBirth}}' },
            { match: 'speak (with|to)', reply: 'Yes, this is {{name}}.' },
            { match: 'good time', reply: 'Okay.' },
          ],
          otherwise: 'I want to talk to a real person.',
        },
      });
      const { gateway } = stack.service;
      const workflowId = await startDebtor(stack.service.mongo.models, gateway, campaign.id, 1, journeyDebtor('journey-agent', phone, { fullName: 'Robin Hale', firstName: 'Robin', birthYear: 1970 }));

      const waiting = await eventually('the human task', async () => {
        const v = await gateway.debtorState(workflowId);
        return v.humanTask && v.status === 'awaiting-agent' ? v : undefined;
      });
      expect(waiting.humanTask?.reason).toBe('call-escalation');
      const task = await storedHumanTask(stack, waiting.humanTask?.taskId, 'call-escalation');
      expect(task?.summary).toMatch(/Robin Hale, identity verified.*No agent took the call/);
      const heard = serviceSaid(stack.simulator.store.listCalls({ to: phone })[0]!.transcript);
      expect(heard.at(-1)).toMatch(/no colleague is free right now/);

      const dueDate = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      const resolved = await gateway.resolveHumanTask(workflowId, { taskId: waiting.humanTask!.taskId, outcome: 'promise', notes: 'called back', promise: { amountMinor: 5_000, dueDate } });

      expect(resolved.humanTask).toBeUndefined();
      expect(resolved.promise?.amountMinor).toBe(5_000);
      let last: unknown;
      const after = await eventually('the promise follow-up', async () => {
        const v = await gateway.debtorState(workflowId);
        last = v;
        return v.status === 'awaiting-promise' ? v : undefined;
      }).catch((err: Error) => {
        throw new Error(`${err.message}: ${JSON.stringify(last)}`);
      });
      expect(after.outcome).toBeUndefined();
    });
  });
});
