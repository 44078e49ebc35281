import { describe, expect, it } from 'vitest';
import type { TurnContext } from '../../../src/dialog/turn-context';
import { checkTurnPolicy } from '../../../src/dialog/turn-policy';
import { NO_ENTITIES, type TurnDecision } from '../../../src/dialog/turn-schema';
import { makeContext, MINI_MIRANDA_EN } from './fixtures';

/** Mid-call, after verification and the disclosure: the caller heard the balance and is answering. */
function answering(overrides: Parameters<typeof makeContext>[0] = {}): TurnContext {
  return makeContext({
    state: 'handle-answer',
    utterance: { text: 'I can pay on Friday', asrConfidence: 0.95 },
    history: [
      { state: 'verify-identity', heard: '1985', said: `Thank you, Jane. ${MINI_MIRANDA_EN} Is now a good time?`, intent: 'inform', entities: NO_ENTITIES, nextState: 'disclosure' },
      { state: 'disclosure', heard: 'yes', said: 'The balance of $120 was due on November 20.', intent: 'affirm', entities: NO_ENTITIES, nextState: 'purpose-and-balance' },
      { state: 'purpose-and-balance', heard: 'not now', said: 'What works best for you?', intent: 'deny', entities: NO_ENTITIES, nextState: 'handle-answer' },
    ],
    ...overrides,
  });
}

const verifying = (text: string) => makeContext({ state: 'verify-identity', utterance: { text, asrConfidence: 0.95 } });

const decision = (overrides: Partial<TurnDecision> = {}): TurnDecision => ({
  reply: 'Thanks. How much can you pay on Friday, December 5?',
  intent: 'promise-to-pay',
  entities: { ...NO_ENTITIES, date: '2025-12-05' },
  sentiment: 0,
  confidence: 0.9,
  nextState: 'handle-answer',
  ...overrides,
});

const violationsOf = (ctx: TurnContext, candidate: unknown): string[] => {
  const result = checkTurnPolicy(ctx, candidate);
  return result.ok ? [] : result.violations;
};

describe('checkTurnPolicy', () => {
  it.each<[string, TurnContext, Partial<TurnDecision>]>([
    ['a promise follow-up mid-call', answering(), {}],
    ['the greeting', makeContext(), { reply: 'Hello, this is Sam Lee calling. May I please speak with Jane Doe?', intent: 'greet', entities: NO_ENTITIES, nextState: 'verify-identity' }],
    ['the disclosure once the birth year is given', makeContext({ state: 'verify-identity', utterance: { text: 'yes, 1985', asrConfidence: 0.9 } }), { reply: `Thank you, Jane. I'm Sam Lee with Acme Recoveries. ${MINI_MIRANDA_EN} Is now a good time?`, intent: 'affirm', entities: NO_ENTITIES, nextState: 'disclosure' }],
    ['a lawsuit the creditor intends', answering({ consequences: ['lawsuit'] }), { reply: 'If it stays unpaid, the creditor may file a lawsuit. When can you pay?', intent: 'question', entities: NO_ENTITIES }],
  ])('accepts %s', (_name, ctx, change) => {
    expect(checkTurnPolicy(ctx, decision(change))).toEqual({ ok: true });
  });

  it.each<[string, TurnContext, unknown, string]>([
    ['a reply that is not a string', answering(), { ...decision(), reply: 42 }, 'malformed-turn:reply'],
    ['a sentiment out of range', answering(), { ...decision(), sentiment: -3 }, 'malformed-turn:sentiment'],
    ['a missing entities object', answering(), { ...decision(), entities: undefined }, 'malformed-turn:entities'],
    ['an illegal transition', makeContext(), decision({ reply: 'Hello, may I speak with Jane Doe?', intent: 'greet', entities: NO_ENTITIES, nextState: 'recap' }), 'illegal-transition'],
    ['an empty reply', answering(), decision({ reply: '  ' }), 'empty-reply'],
    ['an English reply too long for a phone turn', answering(), decision({ reply: 'Okay. '.repeat(70) }), 'reply-too-long'],
    ['a Chinese reply too long for a phone turn', answering({ language: 'zh-CN' }), decision({ reply: '好的。'.repeat(50) }), 'reply-too-long'],
    ['the balance before verification', verifying('hello?'), decision({ reply: 'Your balance is $120. Am I speaking with Jane Doe?', intent: 'greet', entities: NO_ENTITIES, nextState: 'verify-identity' }), 'debt-detail-before-verification'],
    ['the amount alone before verification', verifying('who is this?'), decision({ reply: 'It is about the 120 from last month. Is this Jane Doe?', intent: 'question', entities: NO_ENTITIES, nextState: 'verify-identity' }), 'debt-detail-before-verification'],
    ['the creditor before verification', verifying('who is this?'), decision({ reply: 'I am calling from Northwind Bank. Is this Jane Doe?', intent: 'question', entities: NO_ENTITIES, nextState: 'verify-identity' }), 'debt-detail-before-verification'],
    ['Chinese debt words before verification', makeContext({ language: 'zh-CN', state: 'verify-identity', utterance: { text: '你是谁', asrConfidence: 0.9 } }), decision({ reply: '您有一笔欠款未还。请问是王小明吗？', intent: 'question', entities: NO_ENTITIES, nextState: 'verify-identity' }), 'debt-detail-before-verification'],
    ['the disclosure on a wrong year of birth', verifying('1975'), decision({ reply: `${MINI_MIRANDA_EN} Is now a good time?`, intent: 'inform', entities: NO_ENTITIES, nextState: 'disclosure' }), 'debt-detail-before-verification'],
    ['debt detail to a wrong person', verifying('wrong number'), decision({ reply: 'Please tell Jane she owes us money. Goodbye.', intent: 'wrong-person', entities: NO_ENTITIES, nextState: 'ended' }), 'debt-detail-to-third-party'],
    ['verification without the disclosure', verifying('yes, 1985'), decision({ reply: 'Thank you, Jane. Is now a good time to talk?', intent: 'affirm', entities: NO_ENTITIES, nextState: 'disclosure' }), 'missing-disclosure'],
    ['the balance with the disclosure never said', answering({ history: [] }), decision(), 'missing-disclosure'],
    ['a plan with more instalments than allowed', answering(), decision({ intent: 'plan-request', entities: { ...NO_ENTITIES, instalments: 6, amountMinor: 2_000 } }), 'plan-outside-limits'],
    ['a plan with instalments below the minimum', answering({ account: { amountDueMinor: 4_000 } }), decision({ intent: 'plan-request', entities: { ...NO_ENTITIES, instalments: 2, amountMinor: 2_000 } }), 'plan-outside-limits'],
    ['a recap speaking an out-of-limit plan', answering(), decision({ reply: 'To confirm: 12 monthly payments of $10 each. Is that right?', intent: 'plan-request', entities: NO_ENTITIES, nextState: 'recap' }), 'plan-outside-limits'],
    ['a promise beyond the days allowed', answering(), decision({ entities: { ...NO_ENTITIES, date: '2026-01-30', amountMinor: 5_000 }, nextState: 'recap', reply: 'To confirm: $50 on January 30. Is that right?' }), 'promise-outside-limits'],
    ['a promise dated in the past', answering(), decision({ entities: { ...NO_ENTITIES, date: '2025-12-01' } }), 'promise-outside-limits'],
    ['a promise above the balance', answering(), decision({ entities: { ...NO_ENTITIES, date: '2025-12-05', amountMinor: 50_000 } }), 'amount-above-balance'],
    ['a threat of arrest', answering(), decision({ reply: 'If you do not pay, you could be arrested.' }), 'threat'],
    ['a threat of wage garnishment', answering(), decision({ reply: 'We will garnish your wages next month.' }), 'threat'],
    ['a threat to tell the employer', answering(), decision({ reply: 'We may have to contact your employer about this.' }), 'threat'],
    ['a Chinese threat to call the police', answering({ language: 'zh-CN' }), decision({ reply: '再不还钱我们就报警。' }), 'threat'],
    ['a lawsuit the creditor does not intend', answering(), decision({ reply: 'We will take you to court if you do not pay.' }), 'unpermitted-consequence:lawsuit'],
    ['credit reporting the creditor does not do', answering(), decision({ reply: 'This will go on your credit report.' }), 'unpermitted-consequence:credit-reporting'],
    ['profanity', answering(), decision({ reply: 'Stop this bullshit and pay.' }), 'profanity'],
    ['going on after "stop calling"', answering({ utterance: { text: 'stop calling me', asrConfidence: 0.95 } }), decision({ reply: 'I understand. When could you pay?', intent: 'question' }), 'opt-out-not-honoured'],
    ['going on with a wrong person', verifying('wrong number'), decision({ reply: 'Sorry. Do you know how to reach Jane Doe?', intent: 'wrong-person', entities: NO_ENTITIES, nextState: 'verify-identity' }), 'wrong-person-not-ended'],
  ])('rejects %s', (_name, ctx, candidate, violation) => {
    expect(violationsOf(ctx, candidate)).toContain(violation);
  });

  it('names violations by code only, never with the words spoken', () => {
    const violations = violationsOf(verifying('hello'), decision({ reply: 'Jane, your balance is $120.', intent: 'greet', entities: NO_ENTITIES, nextState: 'verify-identity' }));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join(' ')).not.toMatch(/Jane|120/);
  });
});
