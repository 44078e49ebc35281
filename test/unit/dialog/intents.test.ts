import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../../src/dialog/intents';
import type { Intent } from '../../../src/dialog/turn-schema';

describe('detectIntent', () => {
  it.each<[string, Intent]>([
    ['Yes, speaking', 'identity-confirmed'],
    ['This is she', 'identity-confirmed'],
    ["Yeah, that's me", 'identity-confirmed'],
    ['yes', 'affirm'],
    ['Sure, go ahead', 'affirm'],
    ['No problem', 'affirm'],
    ['No', 'deny'],
    ['nope', 'deny'],
    ['Wrong number', 'wrong-person'],
    ["There's no one here by that name", 'wrong-person'],
    ["She's not home", 'wrong-person'],
    ["I'll pay on Friday", 'promise-to-pay'],
    ['I can pay fifty dollars next week', 'promise-to-pay'],
    ["No, but I'll pay on Friday", 'promise-to-pay'],
    ['Can I pay in instalments?', 'plan-request'],
    ['Can I pay monthly?', 'plan-request'],
    ['Could I do it in 3 payments', 'plan-request'],
    ['Send me the link', 'pay-now'],
    ["I'll pay it now", 'pay-now'],
    ["I don't owe this", 'dispute'],
    ["That's not my debt", 'dispute'],
    ['I already paid that', 'dispute'],
    ['I lost my job', 'hardship'],
    ["I can't afford it right now", 'hardship'],
    ['Let me talk to a person', 'human'],
    ['Can I speak to an agent', 'human'],
    ['I want a human', 'human'],
    ['Stop calling me', 'opt-out'],
    ["Don't call me again", 'opt-out'],
    ['STOP', 'opt-out'],
    ['Stop calling me, you idiot', 'opt-out'],
    ['Talk to my lawyer', 'lawyer'],
    ['My attorney will contact you', 'lawyer'],
    ['I filed for bankruptcy', 'bankruptcy'],
    ['You people are idiots', 'abuse'],
    ['Call me back later', 'callback-request'],
    ["I'm driving right now", 'callback-request'],
    ['Who is this?', 'question'],
    ['Hello?', 'greet'],
  ])('reads English "%s" as %s', (text, intent) => {
    expect(detectIntent({ text }).intent).toBe(intent);
  });

  it.each<[string, Intent]>([
    ['是的，我是', 'identity-confirmed'],
    ['我就是', 'identity-confirmed'],
    ['是的', 'affirm'],
    ['好的', 'affirm'],
    ['不是', 'deny'],
    ['没问题', 'affirm'],
    ['没有问题', 'affirm'],
    ['没错', 'affirm'],
    ['不用了', 'deny'],
    ['没有', 'deny'],
    ['打错了', 'wrong-person'],
    ['不是我', 'wrong-person'],
    ['我下周五付', 'promise-to-pay'],
    ['我可以分期吗', 'plan-request'],
    ['分三期可以吗', 'plan-request'],
    ['把链接发给我', 'pay-now'],
    ['我现在就付', 'pay-now'],
    ['这不是我的债', 'dispute'],
    ['我没欠你们钱', 'dispute'],
    ['我失业了', 'hardship'],
    ['转人工', 'human'],
    ['我要找真人', 'human'],
    ['别再打了', 'opt-out'],
    ['不要再给我打电话了', 'opt-out'],
    ['找我律师', 'lawyer'],
    ['我已经破产了', 'bankruptcy'],
    ['你们这些傻逼', 'abuse'],
    ['晚点再打给我', 'callback-request'],
    ['现在不方便', 'callback-request'],
    ['你是谁？', 'question'],
    ['喂', 'greet'],
  ])('reads Chinese "%s" as %s', (text, intent) => {
    expect(detectIntent({ text }).intent).toBe(intent);
  });

  it.each<[string, Intent]>([
    ["I'm sick of this harassment", 'complaint'],
    ["This is ridiculous. I'm sick of this harassment.", 'complaint'],
    ["I'm sick and tired of these calls", 'unknown'],
    ["I'm sick to death of you people calling", 'unknown'],
    ["I'm fed up with this", 'unknown'],
    ["I'm sick of these calls, I lost my job", 'hardship'],
  ])('reads the anger in "%s" as no hardship (%s): being sick of the calls is not being ill', (text, intent) => {
    expect(detectIntent({ text }).intent).toBe(intent);
  });

  it.each([
    "I'm sick and can't work",
    "I've been ill",
    "I've been sick for months",
    'I lost my job',
    'I have medical bills I can barely pay',
    "I'm sick",
    '我生病了',
  ])('still reads real hardship in "%s"', (text) => {
    expect(detectIntent({ text }).intent).toBe('hardship');
  });

  it.each<[string, Intent]>([
    ["I don't want to pay now", 'unknown'],
    ['我不想现在付', 'unknown'],
    ['不可以', 'deny'],
  ])('lets a negation cancel a yes-type intent: "%s" is %s', (text, intent) => {
    expect(detectIntent({ text }).intent).toBe(intent);
  });

  it.each<[string, Intent]>([
    ['1', 'pay-now'],
    ['2', 'promise-to-pay'],
    ['3', 'plan-request'],
    ['0', 'human'],
    ['9', 'opt-out'],
    ['1985', 'inform'],
  ])('reads keypad %s as %s, with certainty', (digits, intent) => {
    expect(detectIntent({ text: '', digits })).toEqual({ intent, confidence: 1 });
  });

  it('treats an unmapped single key as not understood', () => {
    expect(detectIntent({ text: '', digits: '5' })).toEqual({ intent: 'unknown', confidence: 0 });
  });

  it.each<[string, number]>([
    ['yes', 0.9],
    ['what is this about?', 0.85],
    ['yes... no', 0.6],
    ['mmm', 0],
  ])('gives "%s" confidence %s', (text, confidence) => {
    expect(detectIntent({ text }).confidence).toBe(confidence);
  });
});
