import { describe, expect, it } from 'vitest';
import { confirmedArrangement } from '../../../src/dialog/arrangement';
import { mentionsDebtDetail } from '../../../src/dialog/debt-detail';
import { formatMoney } from '../../../src/dialog/speech-format';
import { containsPhrase } from '../../../src/dialog/text-normalize';
import { requiredDisclosure, type TurnContext } from '../../../src/dialog/turn-context';
import type { Intent } from '../../../src/dialog/turn-schema';
import { runConversation, type Conversation } from './conversation-driver';
import { makeContext, MINI_MIRANDA_ZH } from './fixtures';

/** Answering the phone, confirming the name, then the year of birth. */
const VERIFIED = ['Hello?', 'Yes, speaking', '1985'];
/** ...and "yes" to "is now a good time to talk?": the next reply states the balance. */
const READY = [...VERIFIED, 'Sure'];

function balanceSaid(ctx: TurnContext): string {
  return formatMoney(ctx.account.amountDueMinor, ctx.account.currency, ctx.language);
}

/** 12 CFR 1006.18(e) and 1006.6(d): verify, then disclose, then talk about the debt. */
function expectDisclosureAfterVerificationAndBeforeBalance(conversation: Conversation, ctx: TurnContext): void {
  const disclosedAt = conversation.history.findIndex((turn) => containsPhrase(turn.said, requiredDisclosure(ctx)));
  const balanceAt = conversation.replies.findIndex((reply) => reply.includes(balanceSaid(ctx)));
  expect(disclosedAt).toBeGreaterThanOrEqual(0);
  expect(conversation.history[disclosedAt]?.state).toBe('verify-identity');
  expect(balanceAt).toBeGreaterThan(disclosedAt);
  for (const reply of conversation.replies.slice(0, disclosedAt)) expect(mentionsDebtDetail(reply, ctx)).toBe(false);
}

function expectNoDebtDetailAnywhere(conversation: Conversation, ctx: TurnContext): void {
  for (const reply of conversation.replies) expect(mentionsDebtDetail(reply, ctx)).toBe(false);
}

describe('whole calls through the rule engine', () => {
  it('When a cooperative debtor wants to pay now, then a payment link is confirmed and sent during the call', () => {
    const ctx = makeContext();
    const call = runConversation(ctx, [...READY, 'Yes, send me the link', 'Yes', "No, that's everything. Thanks!"]);

    expect(call.final.nextState).toBe('ended');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'pay-now', amountMinor: 12_000 });
    expect(call.replies.at(-2)).toMatch(/texting you the link now/);
    expectDisclosureAfterVerificationAndBeforeBalance(call, ctx);
  });

  it('When the debtor keeps asking for terms the campaign cannot offer, then the third identical counter-offer becomes a hand-off to a person', () => {
    const call = runConversation(makeContext(), [...READY, 'Can I pay in monthly instalments?', 'I could manage $5 a month.', 'I could manage $5 a month.', 'I could manage $5 a month.']);

    const [first, second, third] = call.replies.slice(-3);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(call.final).toMatchObject({ nextState: 'escalate' });
    expect(call.final.reply).toMatch(/can't agree to that myself/);
  });

  it('When the debtor goes back and forth between two answers, then the agent hands over instead of repeating itself a third time', () => {
    const counter = 'I could manage $5 a month.';
    const call = runConversation(makeContext(), [...READY, 'Can I pay in monthly instalments?', counter, 'Okay, I can do that.', counter, 'Okay, I can do that.', counter]);

    const timesSaid = (reply: string) => call.replies.filter((r) => r === reply).length;
    expect(Math.max(...call.replies.map(timesSaid))).toBe(2);
    expect(call.final).toMatchObject({ nextState: 'escalate' });
  });

  it('When the payment comes through while the debtor is still on the line, then the call thanks them for it and ends', () => {
    // The call workflow sets paidDuringCallMinor once the provider reports the payment.
    const ctx = { ...makeContext(), paidDuringCallMinor: 12_000 };
    const call = runConversation(ctx, [...READY, 'Yes, send me the link', 'Yes', "Okay, done, I've paid it."]);

    expect(call.final).toMatchObject({ nextState: 'ended' });
    expect(call.final.reply).toMatch(/your payment of \$120(\.00)? has come through/);
  });

  it('When the debtor says they paid but no payment was reported, then the call does not thank them for a payment', () => {
    const call = runConversation(makeContext(), [...READY, 'Yes, send me the link', 'Yes', "Okay, done, I've paid it."]);

    expect(call.final.reply).not.toMatch(/payment/);
  });

  it('When a debtor promises a date and then an amount within limits, then the promise is recapped and recorded', () => {
    const ctx = makeContext();
    const call = runConversation(ctx, ['Hello?', 'This is she', 'nineteen eighty-five', 'ok', "I can't right now, but I'll pay on Friday", 'fifty dollars', 'yes', 'no']);

    expect(call.decisions[5]?.reply).toBe('To confirm: you\'ll pay $50 on Friday, December 5. Is that right?');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'promise', amountMinor: 5_000, date: '2025-12-05' });
    expectDisclosureAfterVerificationAndBeforeBalance(call, ctx);
  });

  it('When a promised date is beyond the campaign limit, then the latest allowed date is offered instead', () => {
    const call = runConversation(makeContext(), [...READY, "I'll pay $60 on the 30th", 'ok', 'yes', 'no']);

    expect(call.decisions[4]?.reply).toBe('I can only note a date up to Thursday, December 18. Could you pay by then?');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'promise', amountMinor: 6_000, date: '2025-12-18' });
  });

  it('When a debtor asks for a plan within limits, then it is recapped and recorded', () => {
    const ctx = makeContext({ strategy: 'consequences-and-plan', consequences: ['credit-reporting'] });
    const call = runConversation(ctx, [...READY, 'Can I pay it in three monthly instalments?', 'yes', 'no']);

    expect(call.decisions[3]?.reply).toMatch(/may report it to the credit bureaus.*4 monthly payments of \$30 each/);
    expect(call.decisions[4]?.reply).toBe('To confirm: 3 monthly payments of $40 each. Is that right?');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'plan', instalments: 3, instalmentMinor: 4_000 });
    expectDisclosureAfterVerificationAndBeforeBalance(call, ctx);
  });

  it('When a debtor asks for more instalments than allowed, then the largest allowed plan is counter-offered', () => {
    const call = runConversation(makeContext({ strategy: 'consequences-and-plan' }), [...READY, 'Could I do 12 payments?', 'okay', 'yes', 'no']);

    expect(call.decisions[4]?.reply).toBe('The most I can offer is 4 monthly payments of $30 each. Would that work?');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'plan', instalments: 4, instalmentMinor: 3_000 });
  });

  it.each<[string, string, Intent]>([
    ['insults and demands a person', 'This is bullshit, you people are idiots. Get me a real person!', 'human'],
    ['only insults', 'You are a bunch of bloodsuckers', 'abuse'],
  ])('When the caller %s, then the call goes to a person, calmly', (_who, line, intent) => {
    const call = runConversation(makeContext(), [...READY, line]);

    expect(call.final).toMatchObject({ nextState: 'escalate', intent });
    expect(call.final.sentiment).toBeLessThan(-0.5);
    expect(call.final.reply).toMatch(/connect you with a colleague/);
  });

  it.each<[Intent, string, RegExp]>([
    ['dispute', "I don't owe this, it's not my debt", /noted that you dispute this/],
    ['lawyer', 'Talk to my attorney', /attorney's details/],
    ['bankruptcy', 'I filed for bankruptcy last month', /take the details/],
    ['hardship', 'I lost my job and I have no money', /go over options/],
  ])('When the caller raises %s, then a person takes over without any pressure to pay', (intent, line, handoff) => {
    const ctx = makeContext();
    const call = runConversation(ctx, [...READY, line]);

    expect(call.final).toMatchObject({ nextState: 'escalate', intent });
    expect(call.final.reply).toMatch(handoff);
    expect(call.final.reply).not.toMatch(/pay|\$|balance/i);
  });

  it.each([
    ['says it is a wrong number', ['Hello?', 'No, you have the wrong number']],
    ['says she is not home', ['Hello?', "She's not home right now"]],
    ['says no to the name', ['Hello?', 'No']],
    ['fails the year of birth twice', ['Hello?', 'yes', '1975', 'I said 1976']],
  ])('When the person %s, then the call ends politely with nothing about the debt', (_who, lines) => {
    const ctx = makeContext();
    const call = runConversation(ctx, lines);

    expect(call.final.nextState).toBe('ended');
    expect(call.final.reply).toMatch(/call Sam Lee at 555-0100/);
    expectNoDebtDetailAnywhere(call, ctx);
  });

  it('When speech is not understood twice in a row, then the call goes to a person', () => {
    const call = runConversation(makeContext(), [...READY, { text: 'uh the the', asrConfidence: 0.3 }, { text: 'mm', asrConfidence: 0.4 }]);

    expect(call.decisions[4]).toMatchObject({ intent: 'unknown', nextState: 'handle-answer' });
    expect(call.decisions[4]?.reply).toMatch(/press 1 to pay now/);
    expect(call.final).toMatchObject({ intent: 'unknown', nextState: 'escalate' });
  });

  it('When speech fails once, then the keypad menu works instead', () => {
    const call = runConversation(makeContext(), [...READY, { text: 'uh the the', asrConfidence: 0.3 }, { digits: '1' }, 'yes', 'no']);

    expect(call.decisions[5]).toMatchObject({ intent: 'pay-now', confidence: 1, nextState: 'recap' });
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'pay-now', amountMinor: 12_000 });
  });

  it('When speech is not understood twice before verification, then a person takes over with nothing said about the debt', () => {
    const ctx = makeContext();
    const call = runConversation(ctx, ['Hello?', { text: 'hm', asrConfidence: 0.2 }, { text: 'hm', asrConfidence: 0.2 }]);

    expect(call.final.nextState).toBe('escalate');
    expectNoDebtDetailAnywhere(call, ctx);
  });

  it('When a Chinese-speaking debtor promises to pay, then the whole call is in Chinese', () => {
    // 2025-12-04 18:00 UTC is already Friday 2025-12-05 in Shanghai: "下周五" is the 12th.
    const ctx = makeContext({
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      debtor: { firstName: '小明', fullName: '王小明', birthYear: 1985 },
      account: { creditorName: '北风银行', currency: 'CNY', amountDueMinor: 120_000 },
      collector: { agentName: '李静', companyName: '安信催收' },
      disclosure: { initial: MINI_MIRANDA_ZH, subsequent: '本通话来自债务催收方。' },
    });
    const call = runConversation(ctx, ['喂，你好', '是的，我是', '一九八五年', '方便', '我下周五付', '五百块', '对', '没有了，谢谢']);

    expect(call.replies).toEqual([
      '您好，我是李静。请问是王小明本人吗？',
      '谢谢。为了确认是您本人，请告诉我您的出生年份。',
      `谢谢您。我是安信催收的李静。${MINI_MIRANDA_ZH}现在方便说几句吗？`,
      '这次是关于您在北风银行的账户，欠款1200元，已于11月20日星期四到期。我可以把安全付款链接发短信给您，现在就能付。要发送吗？',
      '好的，12月12日星期五您可以付多少？',
      '跟您确认一下：您会在12月12日星期五支付500元，对吗？',
      '好的，已经为您记录。还有什么可以帮您的吗？',
      '感谢您的时间，再见。',
    ]);
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'promise', amountMinor: 50_000, date: '2025-12-12' });
    expectDisclosureAfterVerificationAndBeforeBalance(call, ctx);
  });

  it('When a Chinese-speaking debtor asks for instalments, then the plan terms are said in Chinese', () => {
    const ctx = makeContext({
      language: 'zh-CN',
      strategy: 'consequences-and-plan',
      consequences: ['late-fees'],
      timeZone: 'Asia/Shanghai',
      debtor: { firstName: '小明', fullName: '王小明', birthYear: 1985 },
      account: { currency: 'CNY', amountDueMinor: 100_001 },
      disclosure: { initial: MINI_MIRANDA_ZH },
    });
    const call = runConversation(ctx, ['喂', '是我', '1985', '好的', '可以分三期吗', '对', '没有了']);

    expect(call.decisions[3]?.reply).toContain('根据您的协议，可能会继续产生滞纳金。我们可以为您分4期按月还款，第一期250.01元，之后每期250元。');
    expect(call.decisions[4]?.reply).toBe('跟您确认一下：分3期按月还款，第一期333.35元，之后每期333.33元，对吗？');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'plan', instalments: 3, instalmentMinor: 33_333 });
  });

  it('When the debtor asks to be called back tomorrow, then the call-back day is confirmed and the call ends', () => {
    const call = runConversation(makeContext(), [...VERIFIED, "I'm driving, can you call me back tomorrow?"]);

    expect(call.final).toMatchObject({ nextState: 'ended', intent: 'callback-request' });
    expect(call.final.reply).toBe("Sure, we'll call you back on Friday, December 5. Goodbye.");
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'callback', date: '2025-12-05' });
  });

  it('When it is not a good time, then the agent asks for a day to call back', () => {
    const call = runConversation(makeContext(), [...VERIFIED, 'Not a good time', 'Monday']);

    expect(call.decisions[3]?.reply).toBe('Of course. What day would be better for a call back?');
    expect(confirmedArrangement(call.history)).toEqual({ kind: 'callback', date: '2025-12-08' });
  });

  it.each([
    ['after hearing the balance', [...READY, 'Stop calling me']],
    ['before anything is said', ['Stop calling me']],
    ['in Chinese', [...READY.slice(0, 3), '别再打了']],
  ])('When the caller says to stop calling %s, then the call ends at once', (_when, lines) => {
    const ctx = makeContext();
    const call = runConversation(ctx, lines);

    expect(call.final).toMatchObject({ nextState: 'ended', intent: 'opt-out' });
    expect(call.final.reply).toBe("Understood. We'll stop calling this number. Goodbye.");
  });

  it('When the strategy is human-first, then the agent verifies, gives the disclosure and hands over', () => {
    const ctx = makeContext({ strategy: 'human-first' });
    const call = runConversation(ctx, VERIFIED);

    expect(call.final.nextState).toBe('escalate');
    expect(containsPhrase(call.final.reply, requiredDisclosure(ctx))).toBe(true);
    expect(call.replies.join(' ')).not.toContain(balanceSaid(ctx));
  });

  it('When this is not the first communication, then the shorter "debt collector" disclosure is given', () => {
    const ctx = makeContext({ initialCommunication: false });
    const call = runConversation(ctx, [...READY, 'send me the link', 'yes', 'no']);

    expect(call.decisions[2]?.reply).toContain('This communication is from a debt collector.');
    expectDisclosureAfterVerificationAndBeforeBalance(call, ctx);
  });

  it('When the campaign has no second verification answer, then confirming the name is enough', () => {
    const ctx = makeContext({ debtor: { birthYear: undefined } });
    const call = runConversation(ctx, ['Hello?', 'Yes, speaking', 'go ahead', 'send me the link', 'yes', 'no']);

    expect(call.decisions[1]?.nextState).toBe('disclosure');
    expectDisclosureAfterVerificationAndBeforeBalance(call, ctx);
  });
});
