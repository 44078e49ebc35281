import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { callInput, daytimeZone, runCall, serviceSaid } from '../support/call-fixtures';
import { startScriptedOpenAiServer, type ChatRequest, type ScriptedAnswer, type ScriptedOpenAiServer } from '../support/scripted-openai-server';
import type { PersonaInput } from '../../src/simulator/personas/persona-schema';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';

// Whole calls carried by an OpenAI-compatible endpoint (a scripted local server) through the real
// worker, FerretDB, the Twilio simulator and the voice webhooks: the LLM's turns are spoken when
// they pass the schema and the turn policy; anything else (malformed, out of policy, an error, a
// timeout) is answered by the rule engine on the same turn.

const MODEL = 'parley-test-model';
const LLM_TIMEOUT_MS = 1_000;
const HOLDING = 'One moment, please.';

/** A person who answers the LLM's script and the rule engine's alike, and reads out a card number to pay. */
function payer(name: string, yearOfBirth: number): PersonaInput {
  return {
    description: 'Confirms who they are and pays by reading out a card number.',
    answers: 'person',
    ringSeconds: 1,
    identity: { name, yearOfBirth },
    conversation: {
      thinkSeconds: 0,
      rules: [
        { match: 'year of birth|date of birth|were you born', reply: '{{yearOfBirth}}' },
        { match: '\\bare you\\b|speak (with|to)|speaking with|is this', reply: 'Yes, this is {{name}}.' },
        { match: 'anything else|help you with', reply: "No, that's all. Thank you." },
        { match: 'is that (right|correct)', reply: "Yes, that's right." },
        { match: '\\bpay|settle|plan|offer', reply: "Yes, I'll pay the full balance today. My card is 4111 1111 1111 1111." },
        { match: 'balance|owe|amount', reply: 'Okay, that sounds right.' },
        { match: 'debt collector|collect a debt', reply: 'Okay, I understand.' },
      ],
      otherwise: 'Okay.',
    },
  };
}

interface Decision {
  reply: string;
  intent: string;
  entities: { amountMinor: number | null; date: string | null; instalments: number | null; digits: string | null };
  sentiment: number;
  confidence: number;
  nextState: string;
}

const none: Decision['entities'] = { amountMinor: null, date: null, instalments: null, digits: null };
const decision = (reply: string, intent: string, nextState: string, entities = none): Decision => ({ reply, intent, entities, sentiment: 0.3, confidence: 0.95, nextState });

/** What the prompt says about the turn. */
function promptFacts(request: ChatRequest) {
  const system = request.messages[0]?.content ?? '';
  return {
    state: /Current call state: ([a-z-]+)\./.exec(system)?.[1] ?? '',
    name: /You are calling (.+?)\. Current/.exec(system)?.[1] ?? '',
    disclosure: /Required disclosure, word for word, once verified: "(.*)"/.exec(system)?.[1] ?? '',
    answerMatched: /latest answer MATCHES/.test(system),
    balanceMinor: Number(/Balance: (\d+) minor units/.exec(system)?.[1] ?? 0),
  };
}

/** A well-behaved LLM: one policy-abiding turn for each state of a cooperative call. */
function cooperativeTurn(request: ChatRequest): Decision {
  const { state, name, disclosure, answerMatched, balanceMinor } = promptFacts(request);
  const amount = (balanceMinor / 100).toFixed(2);
  switch (state) {
    case 'greeting':
      return decision(`Hello, this is Sam Taylor. Am I speaking with ${name}?`, 'greet', 'verify-identity');
    case 'verify-identity':
      return answerMatched
        ? decision(`Thank you for confirming. ${disclosure} Is now a good time?`, 'identity-confirmed', 'disclosure')
        : decision('Thanks. To confirm your identity, what is your year of birth?', 'identity-confirmed', 'verify-identity');
    case 'disclosure':
      return decision(`Your balance with Test Collections is $${amount}. Can you settle it today?`, 'affirm', 'purpose-and-balance');
    case 'purpose-and-balance':
    case 'handle-answer':
      return decision(`To confirm: you will pay $${amount} today through a secure link we text you. Is that right?`, 'pay-now', 'recap', { ...none, amountMinor: balanceMinor });
    case 'recap':
      // Only terms confirmed at the recap count (recap -> close), see confirmedArrangement.
      return decision('Thank you, the link is on its way. Is there anything else I can help you with?', 'pay-now', 'close', { ...none, amountMinor: balanceMinor });
    default:
      return decision('Thank you for your time. Goodbye.', 'deny', 'ended');
  }
}

/** The LLM's script for one debtor: `deviate` may replace the cooperative answer at a given state. */
function scriptFor(deviate: (state: string, request: ChatRequest) => ScriptedAnswer | undefined = () => undefined) {
  const served: string[] = [];
  return {
    served,
    answer(request: ChatRequest): ScriptedAnswer {
      const special = deviate(promptFacts(request).state, request);
      if (special) return special;
      const turn = cooperativeTurn(request);
      served.push(turn.reply);
      return { content: turn };
    },
  };
}

describe('LLM dialog', () => {
  let stack: CollectionsStack;
  let llm: ScriptedOpenAiServer;
  /** Per debtor name: tests give each debtor its own name, so their prompts never share the cache. */
  const scripts = new Map<string, ReturnType<typeof scriptFor>>();
  const campaign = loadTestCampaign('voice-test.yaml');
  const zone = daytimeZone();
  let phoneSeq = 0;

  beforeAll(async () => {
    llm = await startScriptedOpenAiServer({
      model: MODEL,
      script: (request) => {
        const { name } = promptFacts(request);
        const script = scripts.get(name);
        if (!script) return { content: `no script for ${name}` };
        return script.answer(request);
      },
    });
    stack = await startCollectionsStack('llm-dialog', {
      env: { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, OPENAI_MODEL: MODEL, OPENAI_TIMEOUT_MS: String(LLM_TIMEOUT_MS), CALL_TURN_WAIT_MS: '3000' },
    });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await llm?.close();
  });

  async function callPayer(name: string, script: ReturnType<typeof scriptFor>, options: { phone?: string; ref?: string; persona?: string } = {}) {
    const phone = options.phone ?? `+1202555${4000 + phoneSeq++}`;
    const yearOfBirth = 1981;
    scripts.set(name, script);
    stack.simulator.people.assign(phone, options.persona ?? payer(name, yearOfBirth));
    llm.forbid(phone, phone.slice(2)); // the debtor's number, with or without +1
    const [firstName] = name.split(' ');
    const debtor: DebtorProfile = debtorProfile(options.ref ?? `acct-${name.replace(/\W+/g, '-')}`, phone, { fullName: name, firstName, birthYear: yearOfBirth, timeZone: zone });
    const callWorkflowId = `llm-test/${debtor.accountRef}/${phoneSeq}`;
    const requestsBefore = llm.requests.length;
    const result = await runCall(stack, callWorkflowId, callInput(debtor, { attemptKey: `llm-test/${callWorkflowId}` }));
    await stack.simulator.settle();
    const calls = stack.simulator.store.listCalls({ to: phone });
    const heard = serviceSaid(calls.at(-1)!.transcript);
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    return { result, heard, turns, requests: llm.requests.slice(requestsBefore), callWorkflowId };
  }

  it('when the LLM answers every turn, then the person hears only its replies and every prompt keeps to the contract', async () => {
    const script = scriptFor();

    const { result, heard, turns, requests } = await callPayer('Avery Quinn', script);

    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, conversation: true, payNow: { amountMinor: 12_500 } });
    expect(heard).toEqual(script.served);
    expect(heard[0]).toBe('Hello, this is Sam Taylor. Am I speaking with Avery Quinn?');
    expect(turns.map((t) => t.engine)).toEqual(script.served.map(() => 'llm'));
    expect(requests).toHaveLength(script.served.length);
    // Model, strict json_schema response format, nothing sensitive in any message.
    expect(llm.problems()).toEqual([]);
    // The card number the person read out reached the prompt redacted.
    const prompts = requests.map((r) => JSON.stringify(r.body.messages));
    expect(prompts.some((p) => p.includes('[CARD]'))).toBe(true);
    expect(prompts.join('\n')).not.toMatch(/4111/);
    // The verification answer is checked by code: the prompt only says whether it matched.
    expect(requests.some((r) => r.body.messages[0]!.content.includes('MATCHES our records'))).toBe(true);
  });

  it('when the LLM answers malformed JSON and a schema violation mid-call, then the rule engine answers those turns and the call completes', async () => {
    const script = scriptFor((state, request) => {
      if (state === 'verify-identity' && !promptFacts(request).answerMatched) return { content: '{"reply": "Thanks, and your favourite colour' };
      if (state === 'disclosure') return { content: { reply: 'Your balance is due.', intent: 'collect-now', entities: none, sentiment: 2, confidence: 1, nextState: 'purpose-and-balance' } };
      return undefined;
    });

    const { result, heard, turns } = await callPayer('Blake Ortiz', script);

    const fallbacks = turns.filter((t) => t.engine === 'rules-fallback');
    expect(fallbacks.map((t) => t.state)).toEqual(['verify-identity', 'disclosure']);
    expect(fallbacks[0]!.violations).toEqual(['malformed-turn:root']);
    expect(fallbacks[1]!.violations).toEqual(expect.arrayContaining(['malformed-turn:intent', 'malformed-turn:sentiment']));
    expect(heard.join(' ')).not.toMatch(/favourite colour|Your balance is due/);
    expect(heard.filter((h) => h === HOLDING).length).toBeLessThanOrEqual(1);
    expect(turns.filter((t) => t.engine === 'llm').length).toBeGreaterThanOrEqual(3);
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, payNow: { amountMinor: 12_500 } });
    expect(llm.problems()).toEqual([]);
  });

  it('when the LLM talks debt before verification and threatens later, then neither is spoken and the rule engine answers', async () => {
    const script = scriptFor((state, request) => {
      const { balanceMinor } = promptFacts(request);
      if (state === 'greeting') return { content: decision('Hi, this is Test Collections calling about the $125.00 you owe us.', 'greet', 'verify-identity') };
      if (state === 'purpose-and-balance') return { content: decision(`Pay the $${(balanceMinor / 100).toFixed(2)} today or we will call the police.`, 'pay-now', 'recap', { ...none, amountMinor: balanceMinor }) };
      return undefined;
    });

    const { result, heard, turns } = await callPayer('Casey Nguyen', script);

    const fallbacks = turns.filter((t) => t.engine === 'rules-fallback');
    expect(fallbacks.map((t) => t.state)).toEqual(['greeting', 'purpose-and-balance']);
    expect(fallbacks[0]!.violations).toContain('debt-detail-before-verification');
    expect(fallbacks[1]!.violations).toContain('threat');
    expect(heard.join(' ')).not.toMatch(/you owe us|police/);
    expect(heard.filter((h) => h === HOLDING).length).toBeLessThanOrEqual(1);
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, payNow: { amountMinor: 12_500 } });
    expect(llm.problems()).toEqual([]);
  });

  it('when the caller lists every year and the LLM takes that as verified, then nothing about the debt is spoken and the call ends unverified', async () => {
    // A gullible model: any answer with a year in it is taken as the right one.
    const script = scriptFor((state, request) => {
      const answer = request.messages.at(-1)?.content ?? '';
      const { disclosure } = promptFacts(request);
      return state === 'verify-identity' && /\d{4}/.test(answer) ? { content: decision(`Thank you. ${disclosure} Is now a good time?`, 'identity-confirmed', 'disclosure') } : undefined;
    });

    const { result, heard, turns } = await callPayer('Jules Moreau', script, { persona: 'year-guesser' });

    expect(heard.slice(-2)).toEqual([
      expect.stringMatching(/^Sorry, I can only take one answer, not several\. What is your year of birth\?/),
      "I'm sorry, I can't go on without confirming who I'm speaking with. Please call Sam Taylor at 1-800-555-0100. Goodbye.",
    ]);
    expect(heard.join(' ')).not.toMatch(/collect a debt|balance|Test Collections/);
    const refused = turns.filter((t) => t.engine === 'rules-fallback');
    expect(refused).toHaveLength(2);
    for (const turn of refused) expect(turn.violations).toEqual(expect.arrayContaining(['unverified-caller-past-verification', 'debt-detail-before-verification']));
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: false, conversation: false });
  });

  it('when the LLM does not answer within OPENAI_TIMEOUT_MS, then the rule engine answers that turn and the call goes on with the LLM', async () => {
    const script = scriptFor((state, request) =>
      state === 'disclosure' ? { content: cooperativeTurn(request), delayMs: LLM_TIMEOUT_MS * 3 } : undefined,
    );

    const { result, heard, turns, requests } = await callPayer('Devon Park', script);

    const slow = turns.find((t) => t.state === 'disclosure')!;
    expect(slow).toMatchObject({ engine: 'rules-fallback', violations: ['llm-unavailable'] });
    // One try only (client retries off, activity attempts 1): Temporal does not ask again.
    expect(requests.filter((r) => promptFacts(r.body).state === 'disclosure')).toHaveLength(1);
    expect(turns.filter((t) => t.seq > slow.seq).map((t) => t.engine)).toContain('llm');
    expect(heard.filter((h) => h === HOLDING).length).toBeLessThanOrEqual(1);
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, payNow: { amountMinor: 12_500 } });
  });

  it('when a second call in the campaign makes the same prompts, then they come from the cache and the hit rate says so', async () => {
    const stats = () => stack.service.llmCacheStats!();
    const script = scriptFor();
    const first = await callPayer('Emery Stone', script, { ref: 'acct-cache-1' });
    const afterFirst = { requests: llm.requests.length, ...stats() };

    const second = await callPayer('Emery Stone', script, { ref: 'acct-cache-2' });

    expect(first.turns.every((t) => t.engine === 'llm')).toBe(true);
    expect(second.turns.map((t) => t.engine)).toEqual(first.turns.map(() => 'llm-cached'));
    expect(second.heard).toEqual(first.heard);
    expect(llm.requests.length).toBe(afterFirst.requests); // not one request more
    const after = stats();
    expect(after.hits - afterFirst.hits).toBe(second.turns.length);
    expect(after.misses).toBe(afterFirst.misses);
    expect(after.hitRate).toBeCloseTo(after.hits / (after.hits + after.misses), 10);
    expect(after.hitRate).toBeGreaterThan(afterFirst.hitRate);
    expect(second.result).toMatchObject({ status: 'completed', rightPartyVerified: true, payNow: { amountMinor: 12_500 } });
  });
});
