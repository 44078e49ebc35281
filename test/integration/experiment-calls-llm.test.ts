import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { callInput, daytimeZone, runCall, serviceSaid, verifiedCaller } from '../support/call-fixtures';
import { debtorProfile, loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from '../support/scripted-openai-server';

// An experiment arm's wording holds when an LLM runs the call: its greeting is said as written
// (the model is not asked for that turn) and the model is told which offer the arm leads with.
// The scripted endpoint answers every turn with something that is not a turn, so the rule engine
// speaks each turn and the call runs the same script as without an LLM.

const MODEL = 'parley-experiment-model';
const WARM = "Hi there, it's {{agentName}}. Is this {{fullName}}?";

const campaign = loadTestCampaign('voice-test.yaml', (doc) => {
  doc.id = 'exp-llm';
  doc.experiments = [
    {
      id: 'greeting-wording',
      arms: [{ id: 'standard' }, { id: 'warm', greeting: { en: WARM, 'zh-CN': '您好，我是{{agentName}}。请问是{{fullName}}吗？' }, leadOffer: 'plan' }],
    },
  ];
});

describe('an experiment arm on a call run by an LLM', () => {
  let stack: CollectionsStack;
  let llm: ScriptedOpenAiServer;
  beforeAll(async () => {
    llm = await startScriptedOpenAiServer({ model: MODEL, script: () => ({ content: 'not a turn' }) });
    stack = await startCollectionsStack('experiment-llm', {
      env: { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, OPENAI_MODEL: MODEL, OPENAI_TIMEOUT_MS: '1000', CALL_TURN_WAIT_MS: '3000' },
    });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await llm?.close();
  });

  it("When the debtor is in the warm arm, then the greeting is the arm's, asked of no model, and the model hears that the plan comes first", async () => {
    const phone = '+12025558801';
    stack.simulator.people.assign(phone, verifiedCaller('Alex Doe', 1980, 'Okay.'));
    const debtor = debtorProfile('exp-llm-1', phone, { fullName: 'Alex Doe', firstName: 'Alex', birthYear: 1980, timeZone: daytimeZone() });
    const before = llm.requests.length;
    const callWorkflowId = 'exp-llm-test/exp-llm-1';
    await runCall(stack, callWorkflowId, { ...callInput(debtor, { attemptKey: callWorkflowId }), campaignId: campaign.id, experimentArms: { 'greeting-wording': 'warm' } });
    await stack.simulator.settle();

    const heard = serviceSaid(stack.simulator.store.listCalls({ to: phone }).at(-1)!.transcript);
    expect(heard[0]).toBe("Hi there, it's Sam Taylor. Is this Alex Doe?");
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    const requests = llm.requests.slice(before);
    // Every turn but the greeting was put to the model (and refused, so the rule engine spoke it).
    expect(requests).toHaveLength(turns.length - 1);
    expect(requests[0]!.body.messages.find((m) => m.role === 'assistant')?.content).toBe("Hi there, it's Sam Taylor. Is this Alex Doe?");
    const verifiedPrompts = requests.map((r) => r.body.messages[0]!.content).filter((system) => system.includes('Balance:'));
    expect(verifiedPrompts.length).toBeGreaterThan(0);
    expect(verifiedPrompts.every((system) => system.includes('After the balance, offer the instalment plan first.'))).toBe(true);
    // The arm leads with the plan even for a friendly-reminder debtor, whose script leads with the link.
    expect(heard.some((line) => /monthly payments/.test(line))).toBe(true);
    expect(llm.problems()).toEqual([]);
  });
});
