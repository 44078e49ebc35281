import { describe, expect, it } from 'vitest';
import { listeningHints } from '../../../src/dialog/listening-hints';
import { gatherTwiml, voiceStyle } from '../../../src/voice/call-twiml';
import { makeContext } from './fixtures';

describe('listening hints', () => {
  it('when the caller is asked who they are, then their name and the words of a birth year are hinted', () => {
    const hints = listeningHints({ ...makeContext(), state: 'verify-identity' });
    expect(hints).toEqual(expect.arrayContaining(['Jane', 'Jane Doe', 'speaking', 'nineteen', 'eighty', 'five', 'wrong number', 'stop calling me']));
  });

  it('when the caller answers the balance, then payment words are hinted and the name no longer is', () => {
    const hints = listeningHints({ ...makeContext(), state: 'handle-answer' });
    expect(hints).toEqual(expect.arrayContaining(['pay now', 'installments', 'next month', 'dollars', 'friday', 'speak to a person']));
    expect(hints).not.toContain('Jane Doe');
    expect(new Set(hints).size).toBe(hints.length);
  });

  it('when the call is in Chinese, then nothing is hinted (the recogniser uses its own model)', () => {
    expect(listeningHints({ ...makeContext(), language: 'zh-CN', state: 'verify-identity' })).toEqual([]);
  });

  it("when a Gather is built with hints, then Twilio gets them as one escaped attribute", () => {
    const twiml = gatherTwiml('Who is this?', voiceStyle('en', false), 'https://svc/gather?call=a&turn=1', ["that's me", 'yes']);
    expect(twiml).toContain('hints="that&apos;s me, yes"');
    expect(gatherTwiml('Who is this?', voiceStyle('en', false), 'https://svc/gather')).not.toContain('hints=');
  });
});
