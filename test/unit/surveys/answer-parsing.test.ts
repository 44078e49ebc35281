import { describe, expect, it } from 'vitest';
import { MIN_ASR_CONFIDENCE, parseAnswer } from '../../../src/surveys/answer-parsing';
import { isNegativeAnswer } from '../../../src/surveys/negative-answers';
import type { AnswerValue, ParsedAnswer, SurveyQuestion } from '../../../src/surveys/question-types';

const common = { required: true, maxReasks: 2 };
const nps: SurveyQuestion = { ...common, id: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us, from 0 to 10?', 'zh-CN': '您有多大可能推荐我们？' } };
const satisfaction: SurveyQuestion = {
  ...common,
  id: 'satisfaction',
  type: 'rating',
  text: { en: 'How satisfied were you?', 'zh-CN': '您满意吗？' },
  scale: {
    min: 1,
    max: 5,
    labels: { 1: { en: 'very dissatisfied', 'zh-CN': '非常不满意' }, 3: { en: 'neutral', 'zh-CN': '一般' }, 5: { en: 'very satisfied', 'zh-CN': '非常满意' } },
  },
};
const solved: SurveyQuestion = { ...common, id: 'solved', type: 'yes-no', text: { en: 'Was your problem solved?', 'zh-CN': '您的问题解决了吗？' } };
const calledAgain: SurveyQuestion = { ...common, id: 'called-again', type: 'yes-no', negativeAnswer: true, text: { en: 'Did you have to call more than once?' } };
const channel: SurveyQuestion = {
  ...common,
  id: 'channel',
  type: 'single-choice',
  text: { en: 'How did you contact us?', 'zh-CN': '您是怎么联系我们的？' },
  choices: [
    { id: 'phone', label: { en: 'phone', 'zh-CN': '电话' } },
    { id: 'email', label: { en: 'email', 'zh-CN': '邮件' } },
    { id: 'app', label: { en: 'the app', 'zh-CN': '手机应用' }, synonyms: { en: ['mobile app'] } },
  ],
};
const improve: SurveyQuestion = { ...channel, id: 'improve', type: 'multiple-choice', maxChoices: 2 };
const minutes: SurveyQuestion = {
  ...common,
  id: 'minutes',
  type: 'number',
  text: { en: 'How many minutes did you wait?' },
  range: { min: 0, max: 120, integer: true },
  unit: { en: 'minutes' },
};
const contacted: SurveyQuestion = { ...common, id: 'contacted', type: 'date', text: { en: 'When did you contact us?' }, range: { earliest: '2026-09-01', latest: '2026-11-30' } };
const comments: SurveyQuestion = { ...common, id: 'comments', type: 'free-text', text: { en: 'Anything else?' } };

/** Monday 2026-11-30, noon in New York. */
const now = Date.parse('2026-11-30T17:00:00Z');
const timeZone = 'America/New_York';

const taken = (value: AnswerValue): Partial<ParsedAnswer> => ({ kind: 'answer', value });
const toConfirm = (...candidates: AnswerValue[]): Partial<ParsedAnswer> => ({ kind: 'ambiguous', candidates });

describe('parseAnswer', () => {
  it.each<[string, SurveyQuestion, string, string, Partial<ParsedAnswer>]>([
    ['a score with a soft hedge', nps, 'en', 'pretty good, maybe an eight', taken(8)],
    ['a Chinese score with the particle 吧', nps, 'zh-CN', '八分吧', taken(8)],
    ['the top label of a satisfaction scale', satisfaction, 'zh-CN', '非常满意', taken(5)],
    ['"not really" to a yes/no question', solved, 'en', 'not really', taken(false)],
    ['"不方便" (not convenient) to a yes/no question', solved, 'zh-CN', '不方便', taken(false)],
    ['"不要" (no) to a yes/no question', solved, 'zh-CN', '不要', taken(false)],
    ['"the second one"', channel, 'en', 'the second one', taken('email')],
    ["a choice's own words", channel, 'en', 'through the mobile app', taken('app')],
    ['SMS "8"', nps, 'en', '8', taken(8)],
    ['SMS "eight"', nps, 'en', 'eight', taken(8)],
    ['SMS "yes"', solved, 'en', 'yes', taken(true)],
    ['SMS "是"', solved, 'zh-CN', '是', taken(true)],
    ["SMS a choice's number", channel, 'en', '2', taken('email')],
    ["SMS a choice's letter", channel, 'en', 'B', taken('email')],
  ])('when the answer is %s, then it is taken', (_case, question, language, utterance, expected) => {
    expect(parseAnswer(question, utterance, language, { now, timeZone })).toMatchObject(expected);
  });

  it.each<[string, SurveyQuestion, string, string, Partial<ParsedAnswer>]>([
    ['two numbers in words', nps, 'en', 'seven or eight', toConfirm(7, 8)],
    ['two numbers in digits', nps, 'en', '7 or 8', toConfirm(7, 8)],
    ['two Chinese digits said together', nps, 'zh-CN', '七八分', toConfirm(7, 8)],
    ['a score with explicit doubt', nps, 'en', "maybe a seven, I'm not sure", toConfirm(7)],
    ['a score the respondent guesses', nps, 'en', 'I guess a six', toConfirm(6)],
    ['a half point on a whole-number scale', nps, 'en', 'eight and a half', toConfirm(8, 9)],
    ['a partial yes', solved, 'en', 'sort of', toConfirm(true, false)],
    ['one choice or another', channel, 'en', 'phone or email', toConfirm('phone', 'email')],
    ['more choices than the question allows', improve, 'en', 'all of them', toConfirm(['phone', 'email', 'app'])],
  ])('when the answer is %s, then it is sent back to be confirmed', (_case, question, language, utterance, expected) => {
    expect(parseAnswer(question, utterance, language, { now, timeZone })).toMatchObject(expected);
  });

  it('when the transcript is less sure than the threshold, then a clear answer is confirmed; at the threshold it is taken', () => {
    expect(parseAnswer(nps, 'nine', 'en', { asrConfidence: MIN_ASR_CONFIDENCE - 0.01 })).toMatchObject(toConfirm(9));
    expect(parseAnswer(nps, 'nine', 'en', { asrConfidence: MIN_ASR_CONFIDENCE })).toEqual({ kind: 'answer', value: 9, confidence: MIN_ASR_CONFIDENCE });
  });

  it('when a reply comes by SMS, then an ASR confidence does not apply', () => {
    expect(parseAnswer(nps, '9', 'en', { channel: 'sms', asrConfidence: 0.1 })).toMatchObject(taken(9));
  });

  it('when a single number is softened by a hedge, then it is taken with less confidence than a plain one', () => {
    const plain = parseAnswer(nps, 'eight', 'en');
    const hedged = parseAnswer(nps, 'maybe an eight', 'en');
    expect(plain.kind === 'answer' && hedged.kind === 'answer' && hedged.confidence < plain.confidence).toBe(true);
  });

  it.each<[string, SurveyQuestion, string, string, Partial<ParsedAnswer>]>([
    ['"not satisfied at all"', satisfaction, 'en', 'not satisfied at all', taken(1)],
    ['"不太满意"', satisfaction, 'zh-CN', '不太满意', taken(2)],
    ['"no, not really"', solved, 'en', 'no, not really', taken(false)],
    ['"not bad", which is positive', satisfaction, 'en', 'not bad', taken(4)],
    ['"不错", which is positive', satisfaction, 'zh-CN', '不错', taken(4)],
    ['"十分满意", where 十分 means "completely", not ten', satisfaction, 'zh-CN', '十分满意', taken(5)],
    ['"没解决", the question\'s verb negated', solved, 'zh-CN', '没解决', taken(false)],
  ])('when the answer is a negation such as %s, then its meaning is read', (_case, question, language, utterance, expected) => {
    expect(parseAnswer(question, utterance, language)).toMatchObject(expected);
  });

  it.each<[string, SurveyQuestion, string, string, ParsedAnswer]>([
    ['a score above the scale', nps, 'en', 'eleven', { kind: 'out-of-range', said: 11 }],
    ['hours beyond the range of minutes', minutes, 'en', 'three hours', { kind: 'out-of-range', said: 180 }],
    ['a choice number beyond the list', channel, 'en', '4', { kind: 'out-of-range', said: 4 }],
    ['"I don\'t know"', nps, 'en', "I don't know", { kind: 'dont-know' }],
    ['"不知道"', nps, 'zh-CN', '不知道', { kind: 'dont-know' }],
    ['"I\'d rather not say"', nps, 'en', "I'd rather not say", { kind: 'refused' }],
    ['"不想说"', nps, 'zh-CN', '不想说', { kind: 'refused' }],
    ['neither a reading, a refusal nor "don\'t know"', nps, 'en', 'what was the question', { kind: 'not-understood' }],
  ])('when the answer is %s, then it is not taken and says why', (_case, question, language, utterance, expected) => {
    expect(parseAnswer(question, utterance, language)).toEqual(expected);
  });

  it.each<[string, SurveyQuestion, string, AnswerValue]>([
    ['"half an hour" to a question in minutes', minutes, 'half an hour', 30],
    ['"ate" (eight, misheard) before "minutes"', minutes, 'ate minutes', 8],
    ['"last Friday" to a question about the past', contacted, 'last Friday', '2026-11-27'],
    ['"the 20th" to a question about the past', contacted, 'the 20th', '2026-11-20'],
  ])('when the answer is %s, then it is read as the question means it', (_case, question, utterance, value) => {
    expect(parseAnswer(question, utterance, 'en', { now, timeZone })).toMatchObject(taken(value));
  });

  it('when free text carries a card number, then it is kept redacted', () => {
    expect(parseAnswer(comments, 'my card is 4111 1111 1111 1111', 'en')).toMatchObject(taken('my card is [CARD]'));
  });
});

describe('isNegativeAnswer', () => {
  it.each<[string, boolean, SurveyQuestion, AnswerValue, number | undefined]>([
    ['an NPS of 6', true, nps, 6, undefined],
    ['an NPS of 7', false, nps, 7, undefined],
    ['a rating of 2 on 1-5 with no threshold', true, satisfaction, 2, undefined],
    ['a rating of 3 on 1-5 with no threshold', false, satisfaction, 3, undefined],
    ['a rating of 3 with the survey threshold at 3', true, satisfaction, 3, 3],
    ['"no" to a yes/no question', true, solved, false, undefined],
    ['"yes" to a yes/no question', false, solved, true, undefined],
    ['"yes" to a yes/no question whose yes is bad news', true, calledAgain, true, undefined],
    ['"no" to a yes/no question whose yes is bad news', false, calledAgain, false, undefined],
    ['an angry comment', true, comments, 'your hold music is awful and I hate waiting', undefined],
    ['a kind comment', false, comments, 'the agent was very helpful', undefined],
    ['a choice', false, channel, 'phone', undefined],
  ])('when the answer is %s, then negative is %s', (_case, negative, question, value, threshold) => {
    expect(isNegativeAnswer(question, value, threshold)).toBe(negative);
  });
});
