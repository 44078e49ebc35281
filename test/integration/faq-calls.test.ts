import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call } from '../support/api-calls';
import { callInput, daytimeZone, runCall, serviceSaid, verifiedCaller } from '../support/call-fixtures';
import { debtorProfile, loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from '../support/scripted-openai-server';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import type { PersonaInput } from '../../src/simulator';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';

// Frequently asked questions on whole calls (real worker, FerretDB, the Twilio simulator and the
// service's voice webhooks): the rule engine answers them from the campaign's FAQ and the call goes
// back to where it was, with no LLM configured, and with one configured, which is then not asked.

const demoFaq = (parseCampaignDocument(readFileSync(join(__dirname, '../../examples/campaigns/demo-minutes.yaml'), 'utf8'), 'yaml') as { faq: unknown }).faq;
const campaignWithFaq = (id: string) =>
  loadTestCampaign('voice-test.yaml', (doc) => {
    doc.id = id;
    doc.faq = demoFaq;
  });

const CARD_ANSWER = 'Yes. The secure link takes debit and credit cards.';
const WHO_ANSWER_ZH = '我是自动语音助理，有一件私人事务需要联系您。';

type Rules = NonNullable<NonNullable<PersonaInput['conversation']>['rules']>;

/** verifiedCaller's person, with `rules` weighed before its own: the first rule that matches answers. */
function faqCaller(name: string, yearOfBirth: number, rules: Rules, fields: { otherwise: string; language?: string }): PersonaInput {
  const person = verifiedCaller(name, yearOfBirth, fields.otherwise);
  const own = person.conversation ?? {};
  const conversation = { ...own, rules: [...rules, ...(own.rules ?? [])], ...(fields.language ? { language: fields.language } : {}) };
  return { ...person, description: `Asks a frequently asked question on the way (${fields.language ?? 'en'}).`, conversation };
}

/** Verified, then asks whether a card will do before hearing the balance, and pays by the link. */
const asksAboutCards = (name: string, yearOfBirth: number) =>
  faqCaller(name, yearOfBirth, [
    { match: 'debit and credit cards', reply: 'Okay, good.' },
    { match: 'good time', reply: 'Can I pay by card?' },
    { match: 'anything else', reply: "No, that's all. Thanks." },
    { match: 'is that right', reply: "Yes, that's right." },
    { match: 'shall i send it', reply: 'Yes, please send it.' },
  ], { otherwise: 'Okay.' });

/** A Mandarin speaker who asks who is calling before saying who they are, then pays by the link. */
const asksWhoIsCallingZh = (name: string, yearOfBirth: number) =>
  faqCaller(name, yearOfBirth, [
    { match: '自动语音助理', reply: '是我。' },
    { match: '出生年份', reply: '{{yearOfBirth}}' },
    { match: '本人', reply: '你是谁？' },
    { match: '方便说几句', reply: '方便。' },
    { match: '还有什么', reply: '没有了，谢谢。' },
    { match: '对吗', reply: '对。' },
    { match: '要发送吗', reply: '好的，发吧。' },
  ], { otherwise: '好的。', language: 'zh-CN' });

/** A stack with the FAQ campaign, and calls to one English and one Chinese caller; `env` is read when the stack starts. */
function faqCalls(stackName: string, firstPhone: number, env: () => Record<string, string> = () => ({})) {
  let stack: CollectionsStack;
  let seq = 0;
  const campaign = campaignWithFaq(`faq-${stackName}`);
  const start = async () => {
    stack = await startCollectionsStack(stackName, { env: env() });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
    return stack;
  };

  async function place(persona: PersonaInput, debtorFields: Partial<DebtorProfile>) {
    const phone = `+1202555${firstPhone + seq++}`;
    stack.simulator.people.assign(phone, persona);
    const debtor = debtorProfile(`faq-${stackName}-${seq}`, phone, { timeZone: daytimeZone(), ...debtorFields });
    const callWorkflowId = `faq-test/${debtor.accountRef}`;
    const result = await runCall(stack, callWorkflowId, { ...callInput(debtor, { attemptKey: callWorkflowId }), campaignId: campaign.id });
    await stack.simulator.settle();
    const heard = serviceSaid(stack.simulator.store.listCalls({ to: phone }).at(-1)!.transcript);
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    return { result, heard, turns };
  }

  const english = () => place(asksAboutCards('Quinn Avery', 1984), { fullName: 'Quinn Avery', firstName: 'Quinn', birthYear: 1984 });
  const chinese = () =>
    place(asksWhoIsCallingZh('王芳', 1979), { fullName: '王芳', firstName: '芳', birthYear: 1979, language: 'zh-CN', currency: 'CNY', amountDueMinor: 80_000 });
  return { start, stop: () => stack?.stop(), english, chinese, stack: () => stack };
}

describe('FAQ on calls with no LLM configured', () => {
  const calls = faqCalls('faq-rules', 7100);
  beforeAll(calls.start);
  afterAll(calls.stop);

  it('When an English caller asks whether a card will do, then the answer is spoken, the question asked again, and the call goes on to the payment', async () => {
    const { result, heard, turns } = await calls.english();

    const answer = heard.find((line) => line.startsWith(CARD_ANSWER));
    expect(answer).toBe(`${CARD_ANSWER} Is now a good time to talk?`);
    expect(turns.find((turn) => turn.engine === 'faq')).toMatchObject({ state: 'disclosure', nextState: 'disclosure', faq: { id: 'pay-by-card', language: 'en' } });
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, conversation: true, payNow: { amountMinor: 12_500 } });
  });

  it('When a Chinese caller asks who is calling before verification, then the answer is spoken in Chinese, the name asked again, and the call goes on', async () => {
    const answeredBefore = calls.stack().service.faqAnswers();
    const { result, heard, turns } = await calls.chinese();

    expect(heard).toContain(`${WHO_ANSWER_ZH}请问您是王芳本人吗？`);
    expect(turns.find((turn) => turn.engine === 'faq')).toMatchObject({ state: 'verify-identity', faq: { id: 'who-is-calling', language: 'zh-CN' } });
    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, conversation: true, payNow: { amountMinor: 80_000 } });
    expect(calls.stack().service.faqAnswers()).toBe(answeredBefore + 1);
  });
});

describe('FAQ on calls with an LLM configured', () => {
  const MODEL = 'parley-faq-model';
  let llm: ScriptedOpenAiServer;
  // Every LLM answer is malformed, so each non-FAQ turn is the rule engine's too and the calls run the same script.
  const calls = faqCalls('faq-llm', 7200, () => ({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, OPENAI_MODEL: MODEL, OPENAI_TIMEOUT_MS: '1000', CALL_TURN_WAIT_MS: '3000' }));
  beforeAll(async () => {
    llm = await startScriptedOpenAiServer({ model: MODEL, script: () => ({ content: 'not a turn' }) });
    await calls.start();
  });
  afterAll(async () => {
    await calls.stop();
    await llm?.close();
  });

  it('When callers ask FAQ questions in English and Chinese, then those turns make no LLM request and are counted beside the prompt cache', async () => {
    const before = llm.requests.length;
    const en = await calls.english();
    const zh = await calls.chinese();

    const turns = [...en.turns, ...zh.turns];
    expect(turns.filter((turn) => turn.engine === 'faq').map((turn) => turn.faq?.id)).toEqual(['pay-by-card', 'who-is-calling']);
    // One request per turn that is not an FAQ answer, and none carrying an FAQ question as its latest words.
    expect(llm.requests.length - before).toBe(turns.filter((turn) => turn.engine !== 'faq').length);
    const latestWords = llm.requests.slice(before).map((request) => request.body.messages.at(-1)?.content ?? '');
    expect(latestWords.filter((words) => /Can I pay by card\?|你是谁/.test(words))).toEqual([]);
    expect(en.heard).toContain(`${CARD_ANSWER} Is now a good time to talk?`);
    expect(zh.result).toMatchObject({ rightPartyVerified: true, payNow: { amountMinor: 80_000 } });

    const stack = calls.stack();
    expect(stack.service.faqAnswers()).toBe(2);
    const metrics = (await call(stack.service.httpUrl!, 'GET', '/metrics')).body as string;
    expect(metrics).toContain('parley_faq_answers_total{faq_id="pay-by-card",language="en"} 1');
    expect(metrics).toContain('parley_faq_answers_total{faq_id="who-is-calling",language="zh-CN"} 1');
  });
});
