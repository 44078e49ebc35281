import { describe, expect, it } from 'vitest';
import { mentionsDebtDetail } from '../../../src/dialog/debt-detail';
import { runConversation } from './conversation-driver';
import { makeContext, MINI_MIRANDA_ZH } from './fixtures';

/** Answering the phone, confirming the name, the year of birth, and "yes" to "is now a good time?". */
const READY = ['Hello?', 'Yes, speaking', '1985', 'Sure'];

describe('a caller who asks to hear it again, complains, or says it is already paid', () => {
  it('When the caller asks "sorry, what?" after the balance, then the agent says it again and a "yes" still takes the offer', () => {
    const call = runConversation(makeContext(), [...READY, 'sorry, what?', 'yes', 'yes', 'no thanks']);

    const [balance, again, recap] = call.replies.slice(3, 6);
    expect(again).toBe(balance);
    expect(call.decisions[4]).toMatchObject({ intent: 'repeat', nextState: 'purpose-and-balance' });
    expect(recap).toMatch(/^To confirm: I'll text a secure link/);
  });

  it('When the caller asks twice for the same words, then saying them again is no circle: the call goes on', () => {
    const call = runConversation(makeContext(), [...READY, 'Can I pay in instalments?', 'come again?', 'what was that?', 'yes', 'yes', 'no']);

    expect(call.replies[5]).toBe(call.replies[4]);
    expect(call.replies[6]).toBe(call.replies[4]);
    expect(call.replies[7]).toMatch(/^To confirm: 4 monthly payments/);
  });

  it('When the caller asks a third time in a row, then a person takes over rather than a fourth reading', () => {
    const call = runConversation(makeContext(), [...READY, 'huh?', 'say that again?', 'sorry, what?']);

    expect(call.final).toMatchObject({ nextState: 'escalate' });
    expect(call.final.reply).toMatch(/trouble hearing you/);
  });

  it('When the caller asks to hear the year question again, then it is asked again and no try is used up', () => {
    const call = runConversation(makeContext(), ['Hello?', 'Yes, speaking', 'pardon?', '1985', 'Sure', 'no', 'no']);

    expect(call.replies[2]).toBe(call.replies[1]);
    expect(call.decisions[3]).toMatchObject({ nextState: 'disclosure' });
  });

  it('When a Chinese-speaking caller asks to hear the disclosure again, then it is said again in Chinese', () => {
    const ctx = makeContext({ language: 'zh-CN', disclosure: { initial: MINI_MIRANDA_ZH, subsequent: '本信息来自债务催收方。' } });
    const call = runConversation(ctx, ['喂？', '是我', '一九八五', '什么？再说一遍', '转人工']);

    expect(call.replies[3]).toBe(call.replies[2]);
    expect(call.replies[3]).toContain(MINI_MIRANDA_ZH);
  });

  it.each([
    ['en', "Stop harassing me, I'll report you", /noted your complaint/],
    ['zh-CN', '你们这是骚扰，我要投诉', /已记录您的投诉/],
  ] as const)('When a verified %s caller complains of harassment, then a person takes over, even where the campaign lists no sensitive intents', (language, line, handoff) => {
    const ctx = makeContext({ language, escalation: { alwaysHumanIntents: [] } });
    const call = runConversation(ctx, [...READY.slice(0, 3), line]);

    expect(call.final).toMatchObject({ nextState: 'escalate', intent: 'complaint' });
    expect(call.final.reply).toMatch(handoff);
  });

  it('When someone complains before being verified, then the hand-off says nothing about a debt', () => {
    const ctx = makeContext();
    const call = runConversation(ctx, ['Hello?', "This is harassment, I'm reporting you to the CFPB"]);

    expect(call.final).toMatchObject({ nextState: 'escalate', intent: 'complaint' });
    for (const reply of call.replies) expect(mentionsDebtDetail(reply, ctx)).toBe(false);
  });

  it.each(['I already paid that last month', 'The amount is wrong, I only owed sixty'])('When the caller says "%s", then it takes the dispute path to a person', (line) => {
    const call = runConversation(makeContext(), [...READY, line]);

    expect(call.final).toMatchObject({ nextState: 'escalate', intent: 'dispute' });
    expect(call.final.reply).toMatch(/noted that you dispute this/);
  });

  it("When the caller can't pay it all at once, then a plan is offered rather than a hand-off for hardship", () => {
    const call = runConversation(makeContext(), [...READY, "I can't pay it all at once", 'yes', 'yes', 'no']);

    expect(call.decisions[4]).toMatchObject({ intent: 'plan-request', nextState: 'handle-answer' });
    expect(call.replies[4]).toMatch(/split it into 4 monthly payments/);
  });

  it('When the caller says "I can do fifty on Friday", then a promise is recapped', () => {
    const call = runConversation(makeContext(), [...READY, 'I can do fifty on Friday', 'yes', 'no']);

    expect(call.replies[4]).toMatch(/^To confirm: you'll pay \$50(\.00)? on/);
  });
});
