import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { callInput, daytimeZone, expectAgentTask, runCall, serviceSaid, storedHumanTask, verifiedCaller } from '../support/call-fixtures';
import { mentionsDebtDetail } from '../../src/dialog/debt-detail';
import type { PersonaInput, TranscriptEntry } from '../../src/simulator';
import type { CallResult } from '../../workflows/call/call.messages';
import type { DebtorProfile, DebtorView } from '../../workflows/debtor/debtor.messages';

// The triggers that hand a call to a person, end to end: the real worker, FerretDB, the Twilio
// simulator (its <Dial> reaches the simulated agent) and the service's voice webhooks; rule engine.
// voice-calls.test.ts covers the dispute hand-off and "a person, please" when nobody answers.

const AGENT = '+12125550143';
const MINI_MIRANDA = 'This is an attempt to collect a debt and any information obtained will be used for that purpose.';

// What the caller hears, turn by turn (the rule engine's phrases).
const GREETING = /^Hello, this is Sam Taylor calling\. May I please speak with /;
const ASK_YEAR = /what is your year of birth\?$/;
const DISCLOSURE = new RegExp(`${MINI_MIRANDA.replace(/\./g, '\\.')} Is now a good time to talk\\?$`);
const BALANCE = /^I'm calling about your Test Collections account\. The balance of \$125 .* Shall I send it\?$/;
const KEYPAD_MENU = /^Sorry, I didn't catch that\. You can also use your keypad: press 1 to pay now, .*0 to speak with someone/;
const AGENT_DONE = 'Thank you for your time. Goodbye.';
const NO_AGENT = /no colleague is free right now\. Someone will call you back soon\. Goodbye\.$/;

function dialsOf(transcript: readonly TranscriptEntry[]) {
  return transcript.flatMap((e) => (e.kind === 'dial' ? [{ target: e.target, outcome: e.outcome }] : []));
}

describe('call escalation', () => {
  let stack: CollectionsStack;
  const campaign = loadTestCampaign('voice-test.yaml');
  const debtDetailContext = (debtor: DebtorProfile) => ({
    account: { amountDueMinor: debtor.amountDueMinor, currency: debtor.currency, creditorName: campaign.name, dueDate: debtor.dueDate },
    collector: { agentName: 'Sam Taylor', companyName: campaign.name, callbackNumber: '1-800-555-0100' },
  });
  const journeyDebtor = (ref: string, phone: string, overrides: Partial<DebtorProfile> = {}) =>
    debtorProfile(ref, phone, { timeZone: daytimeZone(), ...overrides });

  /** The one call to `phone`, once the simulator has finished it. */
  async function callTo(phone: string) {
    await stack.simulator.settle();
    const calls = stack.simulator.store.listCalls({ to: phone });
    expect(calls).toHaveLength(1);
    return calls[0]!;
  }

  /** The debtor workflow once its call attempt is recorded (and, when asked, a human task opened). */
  async function afterTheCall(workflowId: string, what: string, done: (v: DebtorView) => boolean = () => true): Promise<DebtorView> {
    let last: unknown;
    return eventually(what, async () => {
      const v = await stack.service.gateway.debtorState(workflowId);
      last = v;
      return v.attempts.length > 0 && done(v) ? v : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(last)}`);
    });
  }

  /** The call's structured outcome as the call workflow stored it. */
  async function storedOutcome(debtorWorkflowId: string) {
    const record = await eventually('the stored call outcome', async () => {
      // (sanitizeFilter is on: no query operators, so the check for the end is made here.)
      const found = await stack.service.mongo.models.calls.findOne({ debtorWorkflowId }).lean();
      return found?.endedAt ? found : undefined;
    });
    return { outcome: record.outcome as CallResult, summary: record.escalationSummary };
  }

  beforeAll(async () => {
    stack = await startCollectionsStack('voice-escalation');
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when a verified caller is heard with low confidence twice, then the keypad menu is offered first and then an agent takes the call', async () => {
    const phone = '+12025554001';
    stack.simulator.agents.set(AGENT, { outcome: 'answer' });
    // A bad line: the words are plausible, the recogniser is not sure of them (campaign minConfidence 0.8).
    stack.simulator.people.assign(phone, verifiedCaller('Dana Fox', 1981, { say: 'Yes, send me the link.', confidence: 0.55 }));
    const debtor = journeyDebtor('escalate-low-confidence', phone, { fullName: 'Dana Fox', firstName: 'Dana', birthYear: 1981 });
    const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtor);

    // The agent has the caller: no task for anyone, and the cadence goes on to its next step.
    const view = await afterTheCall(workflowId, 'the handed-over call attempt', (v) => v.status === 'awaiting-agent');

    const call = await callTo(phone);
    expect(serviceSaid(call.transcript)).toEqual([
      expect.stringMatching(GREETING),
      expect.stringMatching(ASK_YEAR),
      expect.stringMatching(DISCLOSURE),
      expect.stringMatching(BALANCE),
      expect.stringMatching(KEYPAD_MENU),
      "I'm having trouble hearing you, so I'll connect you with a colleague. Please hold.",
      AGENT_DONE,
    ]);
    // The keypad menu is a Gather that takes keys as well as speech (the campaign's DTMF fallback).
    const menuTwiml = call.transcript.find((e) => e.kind === 'twiml-fetch' && e.twiml?.includes('use your keypad'));
    expect(menuTwiml?.kind === 'twiml-fetch' && menuTwiml.twiml).toContain('input="speech dtmf"');
    expect(dialsOf(call.transcript)).toEqual([{ target: AGENT, outcome: 'completed' }]);
    // Nothing about the debt before the year of birth was given.
    const yearAt = call.transcript.findIndex((e) => e.kind === 'person-said' && e.text === '1981');
    expect(yearAt).toBeGreaterThan(0);
    for (const text of serviceSaid(call.transcript.slice(0, yearAt))) expect(mentionsDebtDetail(text, debtDetailContext(debtor))).toBe(false);

    const { outcome, summary } = await storedOutcome(workflowId);
    expect(outcome).toMatchObject({ answeredBy: 'human', rightPartyVerified: true, conversation: true, optOut: false });
    expect(outcome.escalated).toMatchObject({ reason: 'hard-to-hear', to: 'agent-number', target: AGENT, agentAnswered: true });
    // Misheard twice is not an agreement: the low-confidence "send me the link" sent nothing.
    expect(outcome.payNow).toBeUndefined();
    expect(summary).toMatch(/Dana Fox, identity verified\. Reason: hard-to-hear\./);

    expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'handed-to-agent' }]);
    // The agent who took the call has its record to resolve: the workflow waits for what was agreed.
    expect(view.humanTask?.reason).toBe('call-transfer');
    expect(view.conversations).toHaveLength(1);
    await expectAgentTask(stack, view.humanTask?.taskId, /Dana Fox, identity verified\. Reason: hard-to-hear\./);
  });

  it('when a verified caller insults the agent without asking to stop, then the call goes to a person and, with nobody free, a call back is promised and a human task opens', async () => {
    const phone = '+12025554002';
    stack.simulator.agents.set(AGENT, { outcome: 'no-answer' });
    stack.simulator.people.assign(phone, verifiedCaller('Lee Park', 1966, 'You people are a bunch of idiots.'));
    const debtor = journeyDebtor('escalate-abuse', phone, { fullName: 'Lee Park', firstName: 'Lee', birthYear: 1966 });
    const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtor);

    const view = await afterTheCall(workflowId, 'the human task', (v) => v.humanTask !== undefined && v.status === 'awaiting-agent');

    const call = await callTo(phone);
    expect(serviceSaid(call.transcript)).toEqual([
      expect.stringMatching(GREETING),
      expect.stringMatching(ASK_YEAR),
      expect.stringMatching(DISCLOSURE),
      expect.stringMatching(BALANCE),
      // Calm, and no echo of the insult (profanity from the agent is harassment, 12 CFR 1006.14(d)).
      "I'll connect you with a colleague now. Please hold.",
      expect.stringMatching(NO_AGENT),
    ]);
    expect(dialsOf(call.transcript)).toEqual([{ target: AGENT, outcome: 'no-answer' }]);
    const yearAt = call.transcript.findIndex((e) => e.kind === 'person-said' && e.text === '1966');
    for (const text of serviceSaid(call.transcript.slice(0, yearAt))) expect(mentionsDebtDetail(text, debtDetailContext(debtor))).toBe(false);

    const { outcome } = await storedOutcome(workflowId);
    expect(outcome).toMatchObject({ rightPartyVerified: true, optOut: false });
    expect(outcome.escalated).toMatchObject({ reason: 'abuse', to: 'agent-number', target: AGENT, agentAnswered: false });

    expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'answered' }]);
    expect(view.humanTask?.reason).toBe('call-escalation');
    const task = await storedHumanTask(stack, view.humanTask?.taskId, 'call-escalation');
    expect(task?.summary).toMatch(/Lee Park, identity verified\. Reason: abuse\..*No agent took the call; the caller was offered a call back/);
    // Anger is not an opt-out: calls stay allowed, nothing goes into the consent ledger.
    expect(view.optedOut.voice).toBe(false);
    expect(await stack.service.mongo.models.consentEvents.countDocuments({ phone })).toBe(0);
  });

  it('when a verified caller is angry without insults or an opt-out, then an agent takes the call', async () => {
    const phone = '+12025554004';
    stack.simulator.agents.set(AGENT, { outcome: 'answer' });
    stack.simulator.people.assign(phone, verifiedCaller('Jo Banks', 1959, "This is ridiculous. I'm sick and tired of these calls."));
    const debtor = journeyDebtor('escalate-angry', phone, { fullName: 'Jo Banks', firstName: 'Jo', birthYear: 1959 });

    const result = await runCall(stack, 'call-test/escalate-angry', callInput(debtor));

    expect(result).toMatchObject({ answeredBy: 'human', rightPartyVerified: true, optOut: false });
    expect(result.escalated).toMatchObject({ reason: 'upset', to: 'agent-number', target: AGENT, agentAnswered: true });
    const call = await callTo(phone);
    // Before being connected the agent hears who is on the line and why (the whisper).
    const whisper = call.transcript.flatMap((e) => (e.kind === 'agent-heard' ? [e] : []));
    expect(whisper).toMatchObject([
      { kind: 'agent-heard', target: AGENT, text: expect.stringMatching(/Jo Banks, identity verified\. Reason: upset\. Account escalate-angry\./) },
    ]);
    expect(serviceSaid(call.transcript)).toEqual([
      expect.stringMatching(GREETING),
      expect.stringMatching(ASK_YEAR),
      expect.stringMatching(DISCLOSURE),
      expect.stringMatching(BALANCE),
      "I'll connect you with a colleague now. Please hold.",
      AGENT_DONE,
    ]);
    expect(dialsOf(call.transcript)).toEqual([{ target: AGENT, outcome: 'completed' }]);
  });

  it('when a verified caller asks for a person and the agent answers, then the call is handed over and the agent gets the call\'s task to record what was agreed', async () => {
    const phone = '+12025554003';
    stack.simulator.agents.set(AGENT, { outcome: 'answer' });
    stack.simulator.people.assign(phone, verifiedCaller('Kim Ortiz', 1988, 'Can I talk to a real person, please?'));
    const debtor = journeyDebtor('escalate-asked', phone, { fullName: 'Kim Ortiz', firstName: 'Kim', birthYear: 1988 });
    const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtor);

    const view = await afterTheCall(workflowId, 'the handed-over call attempt', (v) => v.status === 'awaiting-agent');

    const call = await callTo(phone);
    expect(serviceSaid(call.transcript)).toEqual([
      expect.stringMatching(GREETING),
      expect.stringMatching(ASK_YEAR),
      expect.stringMatching(DISCLOSURE),
      expect.stringMatching(BALANCE),
      "Of course. I'll connect you with a colleague now. Please hold.",
      AGENT_DONE,
    ]);
    expect(dialsOf(call.transcript)).toEqual([{ target: AGENT, outcome: 'completed' }]);

    const { outcome, summary } = await storedOutcome(workflowId);
    expect(outcome.escalated).toMatchObject({ reason: 'human', to: 'agent-number', target: AGENT, agentAnswered: true });
    expect(summary).toMatch(/Kim Ortiz, identity verified\. Reason: human\..*Last words: "Can I talk to a real person, please\?"/);

    expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'handed-to-agent' }]);
    expect(view.humanTask?.reason).toBe('call-transfer');
    await expectAgentTask(stack, view.humanTask?.taskId, /Kim Ortiz, identity verified\. Reason: human\./);
  });

  describe('when the caller mentions a lawyer or a bankruptcy', () => {
    const cases = [
      {
        name: 'a lawyer, once verified',
        reason: 'lawyer',
        persona: verifiedCaller('Ari Cohen', 1975, 'My lawyer handles this now. Talk to my attorney.'),
        debtor: { fullName: 'Ari Cohen', firstName: 'Ari', birthYear: 1975 },
        verified: true,
        handOff: "Understood. I'll connect you with a colleague who can take your attorney's details. Please hold.",
      },
      {
        name: 'a bankruptcy, once verified',
        reason: 'bankruptcy',
        persona: verifiedCaller('Noor Haddad', 1969, 'I filed for bankruptcy last month.'),
        debtor: { fullName: 'Noor Haddad', firstName: 'Noor', birthYear: 1969 },
        verified: true,
        handOff: "Thank you for telling me. I'll connect you with a colleague who can take the details. Please hold.",
      },
      {
        // Said before the person is verified: the hand-off must not let on what the call is about.
        name: 'a bankruptcy, before verification',
        reason: 'bankruptcy',
        persona: {
          description: 'Answers the greeting with a bankruptcy.',
          answers: 'person',
          ringSeconds: 1,
          conversation: { otherwise: 'Who is this? I filed for bankruptcy, you know.' },
        } satisfies PersonaInput,
        debtor: { fullName: 'Noor Haddad', firstName: 'Noor', birthYear: 1969 },
        verified: false,
        handOff: "I'll connect you with a colleague now. Please hold.",
      },
    ];

    it.each(cases.map((c, i) => ({ ...c, i })))('($name) then an agent takes the call', async ({ reason, persona, debtor: overrides, verified, handOff, i }) => {
      const phone = `+1202555${4100 + i}`;
      stack.simulator.agents.set(AGENT, { outcome: 'answer' });
      stack.simulator.people.assign(phone, persona);
      const debtor = journeyDebtor(`escalate-sensitive-${i}`, phone, overrides);
      const callWorkflowId = `call-test/escalate-sensitive-${i}`;

      const result = await runCall(stack, callWorkflowId, callInput(debtor));

      expect(result).toMatchObject({ answeredBy: 'human', rightPartyVerified: verified, optOut: false, dispute: false });
      expect(result.escalated).toMatchObject({ reason, to: 'agent-number', target: AGENT, agentAnswered: true });
      const call = await callTo(phone);
      const said = serviceSaid(call.transcript);
      expect(said.slice(-2)).toEqual([handOff, AGENT_DONE]);
      expect(dialsOf(call.transcript)).toEqual([{ target: AGENT, outcome: 'completed' }]);
      if (verified) {
        expect(said.slice(0, -2)).toEqual([
          expect.stringMatching(GREETING),
          expect.stringMatching(ASK_YEAR),
          expect.stringMatching(DISCLOSURE),
          expect.stringMatching(BALANCE),
        ]);
      } else {
        expect(said).toEqual([expect.stringMatching(GREETING), handOff, AGENT_DONE]);
        for (const text of said) expect(mentionsDebtDetail(text, debtDetailContext(debtor))).toBe(false);
      }
      const record = await stack.service.mongo.models.calls.findOne({ callWorkflowId }).lean();
      expect(record?.escalationSummary).toMatch(verified ? `${debtor.fullName}, identity verified. Reason: ${reason}.` : `caller not verified. Reason: ${reason}.`);
    });
  });
});
