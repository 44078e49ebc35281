import { describe, expect, it } from 'vitest';
import { classifyInboundSms } from '../../src/policy/sms-keywords';

describe('classifyInboundSms: whole-message keywords, ignoring case, spaces, punctuation and emoji', () => {
  it.each([
    ['STOP', 'opt-out'],
    [' stop ', 'opt-out'],
    ['Stop.', 'opt-out'],
    ['STOP!!! 🙏', 'opt-out'],
    ['ＳＴＯＰ', 'opt-out'],
    ['STOPALL', 'opt-out'],
    ['stop all', 'opt-out'],
    ['Unsubscribe', 'opt-out'],
    ['cancel', 'opt-out'],
    ['END', 'opt-out'],
    ['Quit', 'opt-out'],
    ['revoke', 'opt-out'],
    ['OPT OUT', 'opt-out'],
    ['opt-out', 'opt-out'],
    ['OPTOUT', 'opt-out'],
    ['退订', 'opt-out'],
    ['退订。', 'opt-out'],
    ['取消', 'opt-out'],
    ['停止！', 'opt-out'],
    ['退出', 'opt-out'],
    ['不要再发了', 'opt-out'],
    ['TD', 'opt-out'],
    ['HELP', 'help'],
    ['help?', 'help'],
    ['Info', 'help'],
    ['帮助', 'help'],
    ['PAY', 'pay'],
    ['pay!', 'pay'],
    ['付款', 'pay'],
    ['支付', 'pay'],
    ['还款', 'pay'],
    ['I will pay on Friday', 'free-text'],
    ['please stop texting me', 'free-text'],
    ['stopped', 'free-text'],
    ['help me understand this bill', 'free-text'],
    ['', 'free-text'],
  ])("when the debtor texts '%s', then it is %s", (body, kind) => {
    expect(classifyInboundSms(body).kind).toBe(kind);
  });

  it.each([
    { body: 'please stop texting me', mentions: true },
    { body: 'Can I opt out of these?', mentions: true },
    { body: '请不要再发短信给我', mentions: true },
    { body: '我想退订这些短信', mentions: true },
    { body: 'I will pay on Friday', mentions: false },
    { body: 'stopped by the bank today', mentions: false },
    { body: '我明天付款', mentions: false },
  ])("when free text '$body' arrives, then a possible revocation is flagged: $mentions", ({ body, mentions }) => {
    expect(classifyInboundSms(body)).toEqual({ kind: 'free-text', keyword: null, mentionsOptOutWord: mentions });
  });

  it('when a keyword matches, then the normalised keyword is reported', () => {
    expect(classifyInboundSms(' Opt-Out! ')).toEqual({ kind: 'opt-out', keyword: 'optout', mentionsOptOutWord: true });
    expect(classifyInboundSms('付款')).toEqual({ kind: 'pay', keyword: '付款', mentionsOptOutWord: false });
  });
});
