import { describe, expect, it } from 'vitest';
import { matchFaq } from '../../../src/dialog/faq';
import type { Language } from '../../../src/dialog/language';
import { DEMO_FAQ } from './faq-fixtures';

const faqId = (text: string, language: Language) => matchFaq(text, language, DEMO_FAQ[language])?.entry.id;

describe('which frequently asked question a caller asks', () => {
  it.each([
    ['Who is this?', 'who-is-calling'],
    ["uh who's this", 'who-is-calling'],
    ['Sorry, who are you?', 'who-is-calling'],
    ['Why are you calling me?', 'why-calling'],
    ["what's this about", 'why-calling'],
    ['Where can I pay?', 'where-to-pay'],
    ['ok so how do I pay it', 'where-to-pay'],
    ['Can I pay by card?', 'pay-by-card'],
    ['do you take a credit card', 'pay-by-card'],
    ['What is this debt for?', 'what-is-the-debt'],
    ['WHAT IS THIS FOR', 'what-is-the-debt'],
  ])('When an English caller says "%s", then the FAQ entry is %s', (text, expected) => {
    expect(faqId(text, 'en')).toBe(expected);
  });

  it.each([
    ['你是谁？', 'who-is-calling'],
    ['喂，哪位啊', 'who-is-calling'],
    ['你为什么打给我', 'why-calling'],
    ['有 什么 事', 'why-calling'],
    ['我在哪里付？', 'where-to-pay'],
    ['那我怎么还款呢', 'where-to-pay'],
    ['可以刷卡吗', 'pay-by-card'],
    ['能用信用卡付吗', 'pay-by-card'],
    ['这笔钱是什么钱啊', 'what-is-the-debt'],
    ['这是什么债务', 'what-is-the-debt'],
  ])('When a Chinese caller says "%s", then the FAQ entry is %s', (text, expected) => {
    expect(faqId(text, 'zh-CN')).toBe(expected);
  });

  it.each([
    ['en', 'Yes, speaking'],
    ['en', 'I will discard that letter'],
    ['en', 'I want to pay in instalments'],
    ['en', ''],
    ['zh-CN', '是我'],
    ['zh-CN', '我想分期'],
  ] as const)('When a %s caller says "%s", then no FAQ entry is asked', (language, text) => {
    expect(faqId(text, language)).toBeUndefined();
  });

  it('When two entries are said, then the longer phrasing wins as the more specific', () => {
    const faq = [
      { id: 'pay', phrasings: ['pay'], answer: 'a', afterVerification: true },
      { id: 'card', phrasings: ['pay by card'], answer: 'b', afterVerification: true },
    ];
    expect(matchFaq('can I pay by card', 'en', faq)?.entry.id).toBe('card');
  });
});
