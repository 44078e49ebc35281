import { describe, expect, it } from 'vitest';
import { runConversation } from './conversation-driver';
import { DEMO_FAQ } from './faq-fixtures';
import { makeContext, MINI_MIRANDA_ZH } from './fixtures';

const english = () => makeContext({ faq: DEMO_FAQ.en });
const chinese = () => makeContext({ language: 'zh-CN', faq: DEMO_FAQ['zh-CN'], disclosure: { initial: MINI_MIRANDA_ZH, subsequent: '本信息来自债务催收方。' } });

describe('frequently asked questions on a collections call, answered by the rule engine', () => {
  it.each([
    ['en', english, ['Hello?', 'Who is this?', 'Yes, speaking'], "I'm an automated assistant, calling about a personal business matter. Am I speaking with Jane Doe?"],
    ['zh-CN', chinese, ['喂？', '你是谁？', '是我'], '我是自动语音助理，有一件私人事务需要联系您。请问您是Jane Doe本人吗？'],
  ] as const)('When a %s caller asks who is calling before verification, then the answer is given and the name is asked again', (_language, context, lines, reply) => {
    const call = runConversation(context(), [...lines, '1985', '转人工']);

    expect(call.decisions[1]).toMatchObject({ reply, nextState: 'verify-identity', intent: 'question', faqId: 'who-is-calling' });
    expect(call.decisions[2]?.nextState).toBe('verify-identity');
    expect(call.decisions[3]?.nextState).toBe('disclosure');
  });

  it.each([
    ['en', english, 'What is this debt for?', /^I can share that once I've confirmed I'm speaking with the right person\. What is your year of birth\?$/],
    ['zh-CN', chinese, '这笔钱是什么钱？', /^确认是您本人之后，我才能告诉您。请告诉我您的出生年份。$/],
  ] as const)('When a %s caller asks about the debt before verification, then nothing is said about it and the verification question is asked again, with no try used up', (_language, context, question, reply) => {
    const ctx = context();
    const call = runConversation({ ...ctx, verification: { maxTries: 1 } }, ['Hello?', ctx.language === 'en' ? 'Yes, speaking' : '是我', question, '1985', 'human']);

    expect(call.decisions[2]).toMatchObject({ nextState: 'verify-identity', faqId: 'what-is-the-debt' });
    expect(call.decisions[2]?.reply).toMatch(reply);
    expect(call.decisions[3]?.nextState).toBe('disclosure');
  });

  it.each([
    ['en', english, ['Hello?', 'Yes, speaking', '1985', 'Sure'], 'Can I pay by card?', 'Yes. The secure link takes debit and credit cards. I can text you a secure link to pay it now. Shall I send it?'],
    ['zh-CN', chinese, ['喂？', '是我', '一九八五', '方便'], '可以刷卡吗？', '可以。安全付款链接支持借记卡和信用卡。我可以把安全付款链接发短信给您，现在就能付。要发送吗？'],
  ] as const)('When a verified %s caller asks about paying by card after the offer, then the answer is followed by the offer again, and a "yes" still takes it', (language, context, ready, question, reply) => {
    const call = runConversation(context(), [...ready, question, language === 'en' ? 'yes' : '好的', language === 'en' ? 'yes' : '对', language === 'en' ? 'no' : '没有了']);

    expect(call.decisions[4]).toMatchObject({ nextState: 'purpose-and-balance', intent: 'question', faqId: 'pay-by-card' });
    expect(call.decisions[4]?.reply).toContain(reply.split(/[.。]/)[0]);
    expect(call.decisions[5]).toMatchObject({ nextState: 'recap', intent: 'pay-now' });
  });

  it('When a verified caller asks where to pay at the recap, then the answer comes with the recap question and a "yes" confirms it', () => {
    const call = runConversation(english(), ['Hello?', 'Yes, speaking', '1985', 'Sure', 'yes', 'where can I pay?', 'yes', 'no']);

    const [recap, answer] = [call.replies[4], call.replies[5]];
    expect(answer).toBe(`You can pay through the secure link we text you, or by calling 1-800-555-0199. ${recap}`);
    expect(call.decisions[6]).toMatchObject({ nextState: 'close', intent: 'pay-now' });
  });

  it('When the disclosure has been said and the caller asks why we call, then the answer is given and the disclosure question asked without the disclosure again', () => {
    const call = runConversation(english(), ['Hello?', 'Yes, speaking', '1985', 'why are you calling?', 'Sure', 'human']);

    expect(call.replies[3]).toBe("I'm calling about your Northwind account, which has a balance past due. Is now a good time to talk?");
    expect(call.decisions[4]?.nextState).toBe('purpose-and-balance');
  });

  it('When the caller confirms who they are and asks what it is about in one breath, then verification goes on and the question waits', () => {
    const call = runConversation(english(), ['Hello?', 'Yes, this is Jane. What is this about?', '1985', 'human']);

    expect(call.decisions[1]?.faqId).toBeUndefined();
    expect(call.replies[1]).toMatch(/your year of birth\?$/);
    expect(call.decisions[2]?.nextState).toBe('disclosure');
  });

  it('When the campaign has no FAQ, then the script answers the question as before', () => {
    const call = runConversation(makeContext(), ['Hello?', 'Who is this?', 'human']);

    expect(call.decisions[1]?.faqId).toBeUndefined();
    expect(call.replies[1]).toMatch(/^This is Sam Lee, calling Jane Doe about a personal business matter/);
  });

  it('When a caller asking an FAQ question also says terms, then the script acts on the terms', () => {
    const call = runConversation(english(), ['Hello?', 'Yes, speaking', '1985', 'Sure', 'can I pay by card fifty dollars on Monday', 'human']);

    expect(call.decisions[4]).toMatchObject({ nextState: 'recap', entities: { amountMinor: 5_000 } });
    expect(call.decisions[4]?.faqId).toBeUndefined();
  });

  it('When a caller asks the same question again and again, then the agent does not say it a third time: a person takes over', () => {
    const call = runConversation(english(), ['Hello?', 'Yes, speaking', '1985', 'Sure', 'can I pay by card?', 'can I pay by card?', 'can I pay by card?']);

    expect(call.final).toMatchObject({ nextState: 'escalate' });
  });
});
