import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { callInput, daytimeZone, expectAgentTask, runCall, serviceSaid, storedHumanTask, verifiedCaller } from '../support/call-fixtures';
import { startScriptedOpenAiServer, type ChatRequest, type ScriptedAnswer, type ScriptedOpenAiServer } from '../support/scripted-openai-server';
import type { TranscriptEntry } from '../../src/simulator';
import type { CallResult } from '../../workflows/call/call.messages';
import type { DebtorView } from '../../workflows/debtor/debtor.messages';

// What the caller lives through while the service waits on something: a slow LLM turn (Twilio
// gets a holding prompt and a Redirect to /pending instead of silence), and an agents' queue
// (<Enqueue>) that does or does not pick up. End to end: the real worker, FerretDB, the Twilio
// simulator and the service's voice webhooks.

const HOLDING = 'One moment, please.';
const AGENT_DONE = 'Thank you for your time. Goodbye.';
const HAND_OFF = "Of course. I'll connect you with a colleague now. Please hold.";
const QUEUE_HOLD = 'Please hold, a colleague will be with you shortly.';
const NO_AGENT = "I'm sorry, no colleague is free right now. Someone will call you back soon. Goodbye.";
const QUEUE = 'collections-agents';

describe('a turn slower than Twilio will wait', () => {
  const MODEL = 'parley-test-model';
  // The webhook answers a holding prompt after half a second; the LLM's slow turn takes 2 s, inside
  // its own timeout (so the reply waited for is the LLM's, not the fallback), so /pending is
  // fetched several times: the caller is told to wait once, then hears silence.
  const TURN_WAIT_MS = 500;
  const SLOW_TURN_MS = 2_000;
  const LLM_TIMEOUT_MS = 5_000;
  const NAME = 'Harper Lane';
  const zone = daytimeZone();
  const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
  let stack: CollectionsStack;
  let llm: ScriptedOpenAiServer;

  /** An LLM that verifies the caller, says the disclosure (slowly) and agrees to call back tomorrow. */
  function turn(request: ChatRequest): ScriptedAnswer {
    const system = request.messages[0]?.content ?? '';
    const state = /Current call state: ([a-z-]+)\./.exec(system)?.[1];
    const disclosure = /Required disclosure, word for word, once verified: "(.*)"/.exec(system)?.[1] ?? '';
    const none: Record<'amountMinor' | 'date' | 'instalments' | 'digits', string | number | null> = { amountMinor: null, date: null, instalments: null, digits: null };
    const decision = (reply: string, intent: string, nextState: string, entities = none) => ({ reply, intent, entities, sentiment: 0.2, confidence: 0.95, nextState });
    switch (state) {
      case 'greeting':
        return { content: decision(`Hello, this is Sam Taylor. Am I speaking with ${NAME}?`, 'greet', 'verify-identity') };
      case 'verify-identity':
        return /latest answer MATCHES/.test(system)
          ? { content: decision(`Thank you. ${disclosure} Is now a good time?`, 'identity-confirmed', 'disclosure'), delayMs: SLOW_TURN_MS }
          : { content: decision('Thanks. To confirm your identity, what is your year of birth?', 'identity-confirmed', 'verify-identity') };
      default:
        return { content: decision("Of course, I'll call you back tomorrow. Goodbye.", 'callback-request', 'ended', { ...none, date: tomorrow }) };
    }
  }

  beforeAll(async () => {
    llm = await startScriptedOpenAiServer({ model: MODEL, script: turn });
    stack = await startCollectionsStack('voice-handoffs-holding', {
      env: {
        OPENAI_API_KEY: 'test',
        OPENAI_BASE_URL: llm.baseUrl,
        OPENAI_MODEL: MODEL,
        OPENAI_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
        CALL_TURN_WAIT_MS: String(TURN_WAIT_MS),
      },
    });
    await storeCampaignVersion(stack.service.mongo.models, loadTestCampaign('voice-test.yaml'), 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await llm?.close();
  });

  it('when the LLM takes longer than CALL_TURN_WAIT_MS, then the caller hears one holding prompt and then its reply, and the call goes on', async () => {
    const phone = '+12025556001';
    stack.simulator.people.assign(phone, verifiedCaller(NAME, 1977, 'Not today, please call me back tomorrow.'));
    const debtor = debtorProfile('acct-holding', phone, { fullName: NAME, firstName: 'Harper', birthYear: 1977, timeZone: zone });
    const callWorkflowId = 'call-test/holding';

    const result = await runCall(stack, callWorkflowId, callInput(debtor));

    await stack.simulator.settle();
    const [call] = stack.simulator.store.listCalls({ to: phone });
    expect(serviceSaid(call!.transcript)).toEqual([
      `Hello, this is Sam Taylor. Am I speaking with ${NAME}?`,
      'Thanks. To confirm your identity, what is your year of birth?',
      HOLDING,
      expect.stringMatching(/^Thank you\. This is an attempt to collect a debt.* Is now a good time\?$/),
      "Of course, I'll call you back tomorrow. Goodbye.",
    ]);
    // The reply after the holding prompt was fetched through the Redirect, not a new turn.
    const fetched = call!.transcript.flatMap((e) => (e.kind === 'twiml-fetch' ? [new URL(e.url).pathname] : []));
    expect(fetched.filter((p) => p.endsWith('/pending')).length).toBeGreaterThan(1);
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, conversation: true, callbackDate: tomorrow });
    // Every turn was the LLM's own: the slow one was waited for, not replaced by the rule engine.
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    expect(turns.map((t) => t.engine)).toEqual(['llm', 'llm', 'llm', 'llm']);
    expect(llm.problems()).toEqual([]);
  });
});

describe('a hand-off to an agents\' queue', () => {
  let stack: CollectionsStack;
  const campaign = loadTestCampaign('voice-test.yaml', (doc) => {
    doc.id = 'voice-queue-test';
    delete doc.voice.agentNumber;
    doc.voice.agentQueue = QUEUE;
  });

  function enqueuesOf(transcript: readonly TranscriptEntry[]) {
    return transcript.flatMap((e) => (e.kind === 'enqueue' ? [{ queue: e.queue, result: e.result }] : []));
  }

  /** What the caller heard from the hand-off reply on: the reply, the queue's hold messages, the last line. */
  function fromTheHandOff(transcript: readonly TranscriptEntry[]) {
    const said = serviceSaid(transcript);
    const rest = said.slice(said.lastIndexOf(HAND_OFF));
    return { reply: rest[0], held: rest.slice(1, -1), last: rest.at(-1) };
  }

  /** The debtor workflow once its call attempt is recorded and `done` holds. */
  async function afterTheCall(workflowId: string, what: string, done: (v: DebtorView) => boolean): Promise<DebtorView> {
    return eventually(what, async () => {
      const v = await stack.service.gateway.debtorState(workflowId);
      return v.attempts.length > 0 && done(v) ? v : undefined;
    });
  }

  /** The call's outcome as the call workflow stored it. */
  async function storedOutcome(debtorWorkflowId: string): Promise<CallResult> {
    const record = await eventually('the stored call outcome', async () => {
      const found = await stack.service.mongo.models.calls.findOne({ debtorWorkflowId }).lean();
      return found?.endedAt ? found : undefined;
    });
    return record.outcome as CallResult;
  }

  async function callWhoAsksForAPerson(ref: string, phone: string) {
    stack.simulator.people.assign(phone, verifiedCaller('Rowan Ellis', 1968, 'Can I talk to a real person, please?'));
    const debtor = debtorProfile(ref, phone, { fullName: 'Rowan Ellis', firstName: 'Rowan', birthYear: 1968, timeZone: daytimeZone() });
    return startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtor);
  }

  async function callTo(phone: string) {
    await stack.simulator.settle();
    const calls = stack.simulator.store.listCalls({ to: phone });
    expect(calls).toHaveLength(1);
    return calls[0]!;
  }

  beforeAll(async () => {
    stack = await startCollectionsStack('voice-handoffs-queue');
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when the caller asks for a person and an agent takes the queued call, then it is handed over and the agent gets the call\'s task', async () => {
    const phone = '+12025556101';
    stack.simulator.agents.set(QUEUE, { outcome: 'answer', ringSeconds: 5 });
    const workflowId = await callWhoAsksForAPerson('queue-answered', phone);

    const view = await afterTheCall(workflowId, 'the handed-over call attempt', (v) => v.status === 'awaiting-agent');

    const call = await callTo(phone);
    expect(enqueuesOf(call.transcript)).toEqual([{ queue: QUEUE, result: 'bridged' }]);
    // One hold message before the agent picks up 5 s in; the goodbye after the agent answers QueueResult=bridged.
    expect(fromTheHandOff(call.transcript)).toEqual({ reply: HAND_OFF, held: [QUEUE_HOLD], last: AGENT_DONE });
    const outcome = await storedOutcome(workflowId);
    expect(outcome).toMatchObject({ answeredBy: 'human', rightPartyVerified: true, optOut: false });
    expect(outcome.escalated).toMatchObject({ reason: 'human', to: 'agent-queue', target: QUEUE, agentAnswered: true });
    expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'handed-to-agent' }]);
    await expectAgentTask(stack, view.humanTask?.taskId, /Reason: human\./);
  });

  it('when the caller asks for a person and nobody takes the queued call, then a human task opens for them', async () => {
    const phone = '+12025556102';
    stack.simulator.agents.set(QUEUE, { outcome: 'no-answer' });
    const workflowId = await callWhoAsksForAPerson('queue-unanswered', phone);

    const view = await afterTheCall(workflowId, 'the human task', (v) => v.humanTask !== undefined);

    const call = await callTo(phone);
    // Held with a short message a few times, then taken out of the queue and offered the call back.
    expect(enqueuesOf(call.transcript)).toEqual([{ queue: QUEUE, result: 'leave' }]);
    const heard = fromTheHandOff(call.transcript);
    expect(heard.reply).toBe(HAND_OFF);
    expect(heard.held.length).toBeGreaterThan(1);
    expect(new Set(heard.held)).toEqual(new Set([QUEUE_HOLD]));
    expect(heard.last).toBe(NO_AGENT);
    const outcome = await storedOutcome(workflowId);
    expect(outcome.escalated).toMatchObject({ reason: 'human', to: 'agent-queue', target: QUEUE, agentAnswered: false });
    expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'answered' }]);
    expect(view.humanTask?.reason).toBe('call-escalation');
    // The hand-off posted the task at once; once the call ended unanswered the debtor workflow said so on it.
    const task = await storedHumanTask(stack, view.humanTask?.taskId, 'call-escalation');
    expect(task?.summary).toMatch(/Rowan Ellis, identity verified\. Reason: human\./);
    expect(task?.summary).toMatch(/the caller was offered a call back\.$/);
  });
});
