import { describe, expect, it } from 'vitest';
import { respond, startConversation } from '../../../src/surveys/conversation/conversation';
import { answersOf, converse, demoDocument, demoSurvey, eventTypes, recordFor, surveyFrom } from './conversation-support';

// The survey's logic and the limits on asking again, as the respondent meets them.

const asked = (said: readonly string[], words: RegExp) => said.some((text) => words.test(text));

describe('the survey logic', () => {
  it('when the satisfaction rating is 3 or lower, then "what went wrong" is asked', () => {
    const conversation = converse(['yes', '9', '3', 'the wait', 'yes', 'phone']);
    expect(asked(conversation.said, /What went wrong\?/)).toBe(true);
    expect(answersOf(conversation)['what-went-wrong']).toBe('the wait');
  });

  it('when the satisfaction rating is above 3, then "what went wrong" is not asked', () => {
    const conversation = converse(['yes', '9', '4', 'yes', 'phone']);
    expect(asked(conversation.said, /What went wrong\?/)).toBe(false);
    expect(eventTypes(conversation)).toEqual(['started', 'completed']);
  });

  it('when the hidden agent is self-service, then the jump to the end skips the channel question', () => {
    const conversation = converse(['yes', '9', '4', 'yes'], { hidden: { order: 'A-1', agent: 'self-service' } });
    expect(asked(conversation.said, /How would you prefer to reach/)).toBe(false);
    expect(conversation.said.at(-1)).toMatch(/^That's all\./);
    expect(eventTypes(conversation)).toEqual(['started', 'completed']);
  });

  it('when a question names a hidden field, then the wording carries the respondent\'s value', () => {
    const conversation = converse(['yes', '9', '4', 'yes'], { hidden: { order: 'A-1', agent: 'Dana' } });
    expect(conversation.said.at(-1)).toMatch(/How would you prefer to reach Dana's team next time/);
  });

  it('when the first name is unknown, then the wording reads without a gap', () => {
    const conversation = converse([], { firstName: '', channel: 'voice' });
    expect(conversation.said[0]).toMatch(/^Hi, this is Northwind calling/);
    const zh = converse(['好的', '9', '4', '是', '电话'], { firstName: '', language: 'zh-CN' });
    expect(zh.said[0]).toMatch(/^您好，这里是 Northwind/);
    expect(zh.said.at(-1)).toBe('问题就这些。感谢您抽出时间，祝您愉快。');
  });

  it('when a validated survey jumps to a later question, then the questions between are not asked', () => {
    const document = demoDocument();
    document.questions[0].next = [{ when: 'recommend >= 9', goTo: 'resolved' }];
    const survey = surveyFrom(document);
    const conversation = converse(['yes', '10', 'yes', 'phone'], { survey });
    expect(answersOf(conversation)).toEqual({ recommend: 10, resolved: true, 'contact-channel': 'phone' });
    expect(asked(conversation.said, /How satisfied were you/)).toBe(false);
  });

  it('when the respondent speaks a language the survey lacks, then the survey speaks its first language', () => {
    expect(converse([], { language: 'fr', channel: 'voice' }).said[0]).toMatch(/^Hi Ana, this is Northwind/);
    expect(converse([], { language: 'zh', channel: 'voice' }).said[0]).toMatch(/^Ana您好/);
  });
});

describe('asking again', () => {
  it('when an answer is not understood, then the question is asked again gently, up to its re-asks, and then the survey moves on', () => {
    const conversation = converse(['yes', 'banana', 'pineapple', 'mango']);
    expect(conversation.turns[2][0]).toBe("Sorry, I didn't quite catch that. How likely are you to recommend Northwind to a friend or colleague, from 0 to 10? Reply 0–10.");
    expect(conversation.turns[3][0]).toMatch(/^Sorry, I didn't quite catch that\. How likely/);
    expect(conversation.turns[4][0]).toMatch(/^How satisfied were you/);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ outcome: 'not-understood', value: null, reasks: 2, utterance: 'banana / pineapple / mango' });
  });

  it('when a question allows no re-ask, then a reply not understood moves straight on', () => {
    const document = demoDocument();
    document.questions[0].maxReasks = 0;
    const conversation = converse(['yes', 'banana'], { survey: surveyFrom(document) });
    expect(conversation.turns[2][0]).toMatch(/^How satisfied were you/);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ outcome: 'not-understood', reasks: 0 });
  });

  it.each([
    ['en', 'eleven', 'Sorry, 11 isn\'t one of the options. How likely'],
    ['zh-CN', '十五分', '不好意思，15不在选项范围内。您有多大可能'],
  ] as const)('when a %s score is out of range, then the question is asked again saying so', (language, reply, again) => {
    const conversation = converse([language === 'en' ? 'yes' : '好的', reply, '8'], { language });
    expect(conversation.turns[2][0].startsWith(again)).toBe(true);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ value: 8, reasks: 1 });
  });

  it('when an optional question gets "I don\'t know", then it is skipped at once', () => {
    const conversation = converse(['yes', '9', '2', "I don't know", 'yes']);
    expect(conversation.turns[4][0]).toBe('Was your problem solved? Reply YES or NO.');
    expect(recordFor(conversation, 'what-went-wrong')).toMatchObject({ outcome: 'dont-know', value: null, reasks: 0 });
  });

  it('when a required question is refused, then it is asked once more, and a second refusal moves on', () => {
    const conversation = converse(['yes', "I'd rather not say", 'prefer not to say']);
    expect(conversation.turns[2][0]).toMatch(/^That's all right\. It would really help us to know, if you can say: How likely/);
    expect(conversation.turns[3][0]).toMatch(/^How satisfied were you/);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ outcome: 'refused', value: null, reasks: 1 });
  });

  it('when a required question is refused and then answered, then the answer is taken', () => {
    const conversation = converse(['好的', '不想说', '七分'], { language: 'zh-CN' });
    expect(conversation.turns[2][0]).toMatch(/^没关系。如果您能回答，这个问题对我们很有帮助：/);
    expect(recordFor(conversation, 'recommend')).toMatchObject({ outcome: 'answered', value: 7, reasks: 1 });
  });

  it('when a check is not answered clearly, then it is asked again within the re-asks, then the question is given up', () => {
    const conversation = converse(['yes', 'seven or eight', 'yes', 'hmm', 'what']);
    expect(conversation.turns[3][0]).toBe("Sorry, I didn't quite catch that. Just to check, was that 7 or 8?");
    expect(recordFor(conversation, 'recommend')).toMatchObject({ outcome: 'not-understood', value: null, reasks: 2 });
    expect(conversation.turns[5][0]).toMatch(/^How satisfied were you/);
  });
});

describe('answers given early', () => {
  it.each([
    ['en', ['yes', "9, and next time I'd use the app", '4', 'yes'], 'You mentioned the app already, thanks.'],
    ['zh-CN', ['好的', '九分，下次我想用应用', '4', '是'], '您刚才已经提到了应用，谢谢。'],
  ] as const)('when a %s respondent names a later choice with a score, then it is recorded and not asked', (language, replies, mentioned) => {
    const conversation = converse([...replies], { language });
    expect(conversation.said.at(-1)?.startsWith(mentioned)).toBe(true);
    expect(asked(conversation.said, /How would you prefer|下次您更愿意/)).toBe(false);
    expect(recordFor(conversation, 'contact-channel')).toMatchObject({ value: 'app', early: true, confirmed: false, utterance: replies[1] });
    expect(eventTypes(conversation)).toEqual(['started', 'completed']);
  });

  it('when the path never reaches the question answered early, then nothing is recorded for it', () => {
    const conversation = converse(['yes', "9, and next time I'd use the app", '4', 'yes'], { hidden: { order: 'A-1', agent: 'self-service' } });
    expect(conversation.recorded.map((r) => r.questionId)).toEqual(['recommend', 'satisfaction', 'resolved']);
  });

  it('when a score comes with a number only, then no later question is answered from it', () => {
    const conversation = converse(['yes', '9, 3']);
    expect(conversation.turns[2][0]).toBe('Just to check, was that 9 or 3?');
  });

  it('when a satisfied word comes with the score, then the rating is still asked: scale words are not taken early', () => {
    const conversation = converse(['yes', '9, the app was great']);
    expect(conversation.turns[2][0]).toMatch(/How satisfied were you/);
    expect(conversation.recorded.map((r) => r.questionId)).toEqual(['recommend']);
  });
});

describe('a yes-no question whose yes is the bad news', () => {
  it('when the respondent answers yes, then the probe follows', () => {
    const document = demoDocument();
    document.questions.splice(3, 0, {
      id: 'called-again',
      type: 'yes-no',
      negativeAnswer: true,
      text: { en: 'Did you have to call us more than once?', 'zh-CN': '您是否不得不多次联系我们？' },
      probe: { en: 'Sorry about that. What made you call again?', 'zh-CN': '很抱歉。是什么原因让您再次来电？' },
    });
    const conversation = converse(['yes', '9', '4', 'yes', 'the first fix did not work'], { survey: surveyFrom(document) });
    expect(conversation.turns[4][0]).toBe('Sorry about that. What made you call again?');
    expect(recordFor(conversation, 'called-again', 'probe').value).toBe('the first fix did not work');
  });
});

describe('a conversation that has ended', () => {
  it('when another reply comes after the closing, then nothing more is said or recorded', () => {
    const done = converse(['yes', '9', '4', 'yes', 'phone']);
    const after = respond(done.state, { text: 'one more thing' }, demoSurvey);
    expect(after).toEqual({ state: done.state, say: [], recorded: [], events: [] });
  });

  it('when a resumed respondent had answered everything, then the next contact only closes', () => {
    const done = converse(['yes', '9', '4', 'yes', 'phone']);
    const again = startConversation(demoSurvey, { language: 'en', hidden: { agent: 'Lee' }, answers: done.recorded }, 'voice');
    expect(again.say.map((prompt) => prompt.text)).toEqual(["That's all. Thank you for your time, and have a good day."]);
    expect(again.events.map((event) => event.type)).toEqual(['started', 'completed']);
  });

  it('when the invitation text already asked for consent, then the start sends nothing and a YES starts the survey', () => {
    const start = startConversation(demoSurvey, { language: 'en', hidden: {}, answers: [] }, 'sms', { introductionSent: true });
    expect(start.say).toEqual([]);
    expect(respond(start.state, { text: 'YES' }, demoSurvey).say[0].text).toMatch(/How likely are you to recommend Northwind/);
  });
});
