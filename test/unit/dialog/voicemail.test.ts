import { describe, expect, it } from 'vitest';
import { mentionsDebtDetail } from '../../../src/dialog/debt-detail';
import type { Language } from '../../../src/dialog/language';
import { limitedContentVoicemail } from '../../../src/dialog/voicemail';
import { makeContext } from './fixtures';

describe('limitedContentVoicemail', () => {
  const ctx = makeContext();
  const input = { businessName: 'Acme Services', agentName: 'Sam Lee', callbackNumber: '555-0100' };

  it.each<[Language, RegExp]>([
    ['en', /call me back/i],
    ['zh-CN', /请回电/],
  ])('in %s has the business name, a person, a number and a request to reply', (language, requestToReply) => {
    const message = limitedContentVoicemail({ ...input, language });
    expect(message).toContain('Acme Services');
    expect(message).toContain('Sam Lee');
    expect(message).toContain('555-0100');
    expect(message).toMatch(requestToReply);
  });

  it.each<Language>(['en', 'zh-CN'])('in %s says nothing about a debt, and not even the debtor\'s name', (language) => {
    const message = limitedContentVoicemail({ ...input, language });
    expect(mentionsDebtDetail(message, ctx)).toBe(false);
    expect(message).not.toContain(ctx.debtor.fullName);
    expect(message).not.toContain(ctx.debtor.firstName);
  });
});
