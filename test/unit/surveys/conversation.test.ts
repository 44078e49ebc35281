import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/surveys/conversation/conversation-types';
import type { AnswerValue } from '../../../src/surveys/question-types';
import { answersOf, converse, eventTypes, recordFor, type Reply } from './conversation-support';

// Whole conversations with the demo survey (examples/surveys/satisfaction-demo.yaml), in both
// languages and on both channels, as a respondent would live them.

const closing = { en: "That's all. Thank you for your time, Ana, and have a good day.", 'zh-CN': '问题就这些。Ana，感谢您抽出时间，祝您愉快。' };

const channels: Channel[] = ['sms', 'voice'];

interface Journey {
  language: 'en' | 'zh-CN';
  replies: Reply[];
  answers: Record<string, AnswerValue>;
  events: string[];
}

describe('a respondent who answers every question', () => {
  const journeys: Journey[] = [
    {
      language: 'en',
      replies: ['Sure, go ahead', 'pretty good, maybe a nine', 'very satisfied', 'yes it was', 'the app'],
      answers: { recommend: 9, satisfaction: 5, resolved: true, 'contact-channel': 'app' },
      events: ['started', 'completed'],
    },
    {
      language: 'zh-CN',
      replies: ['好的', '八分吧', '非常满意', '解决了', '短信'],
      answers: { recommend: 8, satisfaction: 5, resolved: true, 'contact-channel': 'text' },
      events: ['started', 'completed'],
    },
  ];

  it.each(channels.flatMap((channel) => journeys.map((journey) => ({ channel, ...journey }))))(
    'when a $language respondent answers by $channel, then every answer is recorded and the closing ends it',
    ({ channel, language, replies, answers, events }) => {
      const conversation = converse(replies, { language, channel });
      expect(answersOf(conversation)).toEqual(answers);
      expect(eventTypes(conversation)).toEqual(events);
      expect(conversation.said.at(-1)).toBe(closing[language]);
      expect(conversation.recorded.every((r) => r.channel === channel && r.language === language && !r.confirmed)).toBe(true);
    },
  );

  it('when the survey is texted, then each question is one message with how to reply', () => {
    const { turns } = converse(['yes', '9', '4', 'yes', '3']);
    expect(turns.slice(1, 5).map((said) => said.length)).toEqual([1, 1, 1, 1]);
    expect(turns[1][0]).toBe('Thank you. How likely are you to recommend Northwind to a friend or colleague, from 0 to 10? Reply 0–10.');
    expect(turns[2][0]).toMatch(/from 1 \(very dissatisfied\) to 5 \(very satisfied\)\? Reply 1–5\.$/);
    expect(turns[3][0]).toMatch(/Was your problem solved\? Reply YES or NO\.$/);
    expect(turns[4][0]).toMatch(/reach Lee's team next time: phone, text, or the app\? Reply 1 \(phone\), 2 \(text message\) or 3 \(the app\)\.$/);
  });

  it('when the survey is texted in Chinese, then the reply hints are Chinese and the sentences run on', () => {
    const { turns } = converse(['是', '9', '4', '是'], { language: 'zh-CN' });
    expect(turns[1][0]).toBe('好的，谢谢。您有多大可能向朋友或同事推荐 Northwind？请从 0 到 10 打分。请回复 0–10。');
    expect(turns[4][0]).toMatch(/请回复 1（电话）、2（短信）或3（应用）。$/);
  });

  it('when the survey is spoken, then scale and choice questions offer the keypad and the gather takes digits', () => {
    const { prompts } = converse(['yes', { digits: '9' }, { digits: '4' }, 'yes', { digits: '3' }], { channel: 'voice' });
    expect(prompts[1]).toEqual({
      text: 'Thank you. From zero to ten, how likely are you to recommend us to a friend? Or press a number from 0 to 10 on your keypad.',
      awaitsReply: true,
      keypadDigits: 2,
    });
    expect(prompts[3]).toEqual({ text: 'Thank you. Was your problem solved?', awaitsReply: true });
    expect(prompts[4].text).toMatch(/Or press 1 for phone, 2 for text message or 3 for the app on your keypad\.$/);
    expect(prompts[4].keypadDigits).toBe(1);
  });

  it('when the survey is spoken, then the keyed answers are recorded as the digits pressed', () => {
    const conversation = converse(['yes', { digits: '9' }, { digits: '4' }, 'yes', { digits: '3' }], { channel: 'voice' });
    expect(answersOf(conversation)).toEqual({ recommend: 9, satisfaction: 4, resolved: true, 'contact-channel': 'app' });
    expect(recordFor(conversation, 'contact-channel').utterance).toBe('3');
  });
});

describe('a respondent who hedges', () => {
  const hedges: Array<{ language: 'en' | 'zh-CN'; replies: Reply[]; checks: string[] }> = [
    {
      language: 'en',
      replies: ['yes', 'seven or eight', 'eight', 'I guess satisfied', 'yes', 'sort of', 'yes', 'phone or text message', 'text message'],
      checks: ['Just to check, was that 7 or 8?', 'Just to check, was that 4?', 'Just to check, would you say yes or no?', 'Just to check, was that phone or text message?'],
    },
    {
      language: 'zh-CN',
      replies: ['好的', '七八分吧', '八分', '我猜满意吧', '对', '算是解决了吧', '是', '电话或者短信', '短信'],
      checks: ['我确认一下，是七分还是八分？', '我确认一下，是四分吗？', '我确认一下，您的回答是“是”还是“否”？', '我确认一下，是电话还是短信？'],
    },
  ];

  it.each(channels.flatMap((channel) => hedges.map((hedge) => ({ channel, ...hedge }))))(
    'when a $language respondent hedges by $channel, then each hedge is confirmed and recorded as confirmed',
    ({ channel, language, replies, checks }) => {
      const conversation = converse(replies, { language, channel });
      for (const check of checks) expect(conversation.said.some((said) => said.startsWith(check))).toBe(true);
      expect(answersOf(conversation)).toEqual({ recommend: 8, satisfaction: 4, resolved: true, 'contact-channel': 'text' });
      expect(conversation.recorded.filter((r) => r.part === 'answer').map((r) => r.confirmed)).toEqual([true, true, true, true]);
      expect(eventTypes(conversation)).toEqual(['started', 'completed']);
    },
  );

  it('when a hedged answer is confirmed, then both replies and both reply times are stored', () => {
    const conversation = converse(['yes', { text: 'seven or eight', elapsedMs: 1200 }, { text: 'eight', elapsedMs: 800 }]);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ value: 8, utterance: 'seven or eight / eight', elapsedMs: 2000, confirmed: true, reasks: 0 });
  });

  it('when a voice answer is heard with low confidence, then it is read back before it is taken', () => {
    const conversation = converse(['yes', { text: 'nine', asrConfidence: 0.4 }, { text: 'yes', asrConfidence: 0.9 }], { channel: 'voice' });
    expect(conversation.turns[2]).toEqual(['Just to check, was that 9?']);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ value: 9, confirmed: true });
  });

  it('when the check is answered "no", then the question is asked again and the new answer taken', () => {
    const conversation = converse(['yes', 'seven or eight', 'no', '7']);
    expect(conversation.turns[3][0]).toBe('Sorry, my mistake. How likely are you to recommend Northwind to a friend or colleague, from 0 to 10? Reply 0–10.');
    expect(recordFor(conversation, 'recommend')).toMatchObject({ value: 7, confirmed: false, reasks: 1 });
  });
});

describe('a respondent who hangs up half-way', () => {
  it.each(channels.flatMap((first) => (['en', 'zh-CN'] as const).map((language) => ({ first, language }))))(
    'when a $language respondent leaves after two answers by $first and is reached again, then the survey resumes at the first unanswered question',
    ({ first, language }) => {
      const earlier = converse(language === 'en' ? ['yes', '9', '4'] : ['好的', '9', '4'], { language, channel: first });
      const next: Channel = first === 'sms' ? 'voice' : 'sms';
      const later = converse(language === 'en' ? ['yes', 'the app'] : ['是', '应用'], { language, channel: next, answers: earlier.recorded });
      const welcome = { en: "Welcome back, Ana. Let's pick up where we left off.", 'zh-CN': 'Ana，欢迎回来。我们接着上次的问题继续。' }[language];
      expect(later.turns[0][0]).toMatch(new RegExp(`^${welcome.replace(/[.?]/g, '\\$&')}`));
      expect(later.turns[0][0]).toMatch(language === 'en' ? /Was your problem solved\?/ : /您的问题解决了吗？/);
      expect(answersOf({ recorded: [...earlier.recorded, ...later.recorded] })).toEqual({ recommend: 9, satisfaction: 4, resolved: true, 'contact-channel': 'app' });
      expect(later.recorded.map((r) => r.questionId)).toEqual(['resolved', 'contact-channel']);
      expect(eventTypes(later)).toEqual(['started', 'completed']);
    },
  );

  it('when a respondent hung up before answering anything, then the next contact starts with the introduction again', () => {
    const earlier = converse(['yes']);
    const later = converse([], { answers: earlier.recorded, channel: 'voice' });
    expect(later.said).toEqual(['Hi Ana, this is Northwind calling about your recent support case. May I take one minute of your time for five quick questions?']);
  });
});

describe('a respondent who refuses at the introduction', () => {
  it.each([
    ['en', 'sms', 'No thanks', 'No problem. Thank you, and have a good day.'],
    ['en', 'voice', 'not now', 'No problem. Thank you, and have a good day.'],
    ['zh-CN', 'sms', '不用了', '没关系。谢谢您，祝您愉快。'],
    ['zh-CN', 'voice', '不要', '没关系。谢谢您，祝您愉快。'],
  ] as const)('when a %s respondent says by %s "%s", then the survey ends politely with nothing asked', (language, channel, reply, goodbye) => {
    const conversation = converse([reply], { language, channel });
    expect(conversation.turns[1]).toEqual([goodbye]);
    expect(conversation.recorded).toEqual([]);
    expect(eventTypes(conversation)).toEqual(['declined']);
  });

  it.each([
    ['en', 'Can you call me back tomorrow?', "Of course, we'll try another time. Goodbye."],
    ['zh-CN', '我在开车，晚点再打吧', '好的，我们改天再联系您。再见。'],
  ] as const)('when a %s respondent asks to be called later, then the contact ends with a call-back-later event', (language, reply, goodbye) => {
    const conversation = converse([reply], { language, channel: 'voice' });
    expect(conversation.turns[1]).toEqual([goodbye]);
    expect(eventTypes(conversation)).toEqual(['call-back-later']);
  });

  it('when the reply to the introduction is unclear twice, then it counts as declined: consent must be a clear yes', () => {
    const conversation = converse(['what is this about', 'hmm'], { channel: 'voice' });
    expect(conversation.turns[1]).toEqual(['Sorry, I did not catch that. Do you have a minute for a few quick questions? Yes or no?']);
    expect(eventTypes(conversation)).toEqual(['declined']);
  });
});

describe('a detractor', () => {
  it.each([
    ['en', ['yes', '3', 'Nobody called me back for a week', '2', 'The wait was far too long', 'no', "It's still broken", 'phone']],
    ['zh-CN', ['好的', '三分', '一个星期都没人回电话', '2', '等得太久了', '没有', '还是坏的', '电话']],
  ] as const)('when a %s respondent gives a low score, then the probe is asked once, its answer kept, and one detractor event sent', (language, replies) => {
    const conversation = converse([...replies], { language });
    const probe = { en: "I'm sorry to hear that. What is the main reason for your score?", 'zh-CN': '很抱歉听到这个。您打这个分数的主要原因是什么？' }[language];
    expect(conversation.turns[2]).toEqual([probe]);
    expect(recordFor(conversation, 'recommend', 'probe')).toMatchObject({ value: replies[2], outcome: 'answered' });
    expect(recordFor(conversation, 'what-went-wrong').value).toBe(replies[4]);
    expect(recordFor(conversation, 'resolved', 'probe').value).toBe(replies[6]);
    expect(conversation.events.filter((e) => e.type === 'detractor')).toEqual([{ type: 'detractor', reason: 'nps', questionId: 'recommend' }]);
    expect(eventTypes(conversation).filter((t) => t === 'probe-answered')).toHaveLength(2);
    expect(answersOf(conversation)).toMatchObject({ recommend: 3, satisfaction: 2, resolved: false, 'contact-channel': 'phone' });
  });

  it('when a probe answer holds a card number, then it is stored redacted', () => {
    const conversation = converse(['yes', '2', 'you charged my card 4111 1111 1111 1111 twice']);
    expect(recordFor(conversation, 'recommend', 'probe')).toMatchObject({
      value: 'you charged my card [CARD] twice',
      utterance: 'you charged my card [CARD] twice',
    });
  });

  it('when a rating is at the survey threshold, then the respondent is a detractor even with a good score', () => {
    const conversation = converse(['yes', '9', 'very dissatisfied']);
    expect(conversation.events).toContainEqual({ type: 'detractor', reason: 'rating', questionId: 'satisfaction' });
  });

  it('when a respondent asks to make a complaint, then a detractor event is sent', () => {
    const conversation = converse(['yes', '8, but I want to file a complaint about the delivery']);
    expect(conversation.events).toContainEqual({ type: 'detractor', reason: 'complaint', questionId: 'recommend' });
    expect(recordFor(conversation, 'recommend').value).toBe(8);
  });
});

describe('a respondent who wants out, a person, or is angry', () => {
  it.each([
    ['en', 'voice', 'stop calling me', "Understood. We won't contact you about this survey again. Goodbye."],
    ['en', 'sms', "don't contact me again, remove my number", "Understood. We won't contact you about this survey again. Goodbye."],
    ['zh-CN', 'voice', '不要再打了', '好的，我们不会再就这项调查联系您。再见。'],
    ['zh-CN', 'sms', '别再联系我了', '好的，我们不会再就这项调查联系您。再见。'],
  ] as const)('when a %s respondent says by %s "%s", then the conversation ends with opted-out', (language, channel, reply, goodbye) => {
    const conversation = converse([language === 'en' ? 'yes' : '好的', reply], { language, channel });
    expect(conversation.turns[2]).toEqual([goodbye]);
    expect(eventTypes(conversation)).toEqual(['started', 'opted-out']);
    expect(conversation.recorded).toEqual([]);
  });

  it.each([
    ['en', 'Can I speak to a real person please?', "I understand. I'll make sure someone from our team gets back to you. Thank you for your time."],
    ['zh-CN', '转人工', '明白。我会请我们团队的同事跟您联系。感谢您的时间。'],
  ] as const)('when a %s respondent asks for a person, then the conversation ends with wants-person', (language, reply, goodbye) => {
    const conversation = converse([language === 'en' ? 'yes' : '好的', reply], { language, channel: 'voice' });
    expect(conversation.turns[2]).toEqual([goodbye]);
    expect(eventTypes(conversation)).toEqual(['started', 'wants-person']);
  });

  it.each([
    ['en', 'this is ridiculous, you people are useless'],
    ['zh-CN', '你们太过分了，烦死了'],
  ] as const)('when a %s respondent is angry instead of answering, then the conversation ends with angry and a detractor event', (language, reply) => {
    const conversation = converse([language === 'en' ? 'yes' : '好的', reply], { language, channel: 'voice' });
    expect(eventTypes(conversation)).toEqual(['started', 'detractor', 'angry']);
    expect(conversation.events[1]).toEqual({ type: 'detractor', reason: 'anger', questionId: 'recommend' });
  });

  it('when a low score comes with a request for a person, then the score is kept and the follow-up task is asked for too', () => {
    const conversation = converse(['yes', "2, and I'd like to speak to a manager"], { channel: 'voice' });
    expect(recordFor(conversation, 'recommend').value).toBe(2);
    expect(eventTypes(conversation)).toEqual(['started', 'detractor', 'wants-person']);
  });

  it('when staff are praised in an answer, then that is not taken as a request for a person', () => {
    const conversation = converse(['好的', '九分，客服态度很好'], { language: 'zh-CN' });
    expect(eventTypes(conversation)).toEqual(['started']);
    expect(recordFor(conversation, 'recommend').value).toBe(9);
  });

  it('when an SMS reply is the STOP keyword, then the conversation leaves it to the outreach core and says nothing', () => {
    const conversation = converse(['yes', 'STOP']);
    expect(conversation.turns[2]).toEqual([]);
    expect(conversation.events).toEqual([{ type: 'started' }]);
    expect(conversation.state.step).toMatchObject({ at: 'question', questionId: 'recommend' });
  });
});
