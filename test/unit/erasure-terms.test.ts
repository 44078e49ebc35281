import { describe, expect, it } from 'vitest';
import { complianceRecordsUntil, debtorKept, maskNames } from '../../src/policy/erasure-terms';

describe('erasure terms', () => {
  it.each([
    ['when the full name is said, then each of its words is masked', 'Am I speaking with Robin Diaz?', ['Robin Diaz', 'Robin'], 'Am I speaking with [name] [name]?'],
    ['when a name is said in another case, then it is masked too', 'thank you, ROBIN.', ['Robin Diaz'], 'thank you, [name].'],
    ['when a name is part of a longer word, then the word stays', 'Robinson called Diazepam', ['Robin Diaz'], 'Robinson called Diazepam'],
    ['when a hyphenated name is said, then it goes whole', 'Hello Ana Diaz-Lopez', ['Ana Diaz-Lopez'], 'Hello [name] [name]'],
    ['when the name has characters a pattern treats specially, then they are taken literally', 'Hi J.R. and JXR', ['J.R.'], 'Hi [name] and JXR'],
    ['when the name is one letter, then nothing is masked (it would mask every such word)', 'I owe a debt', ['A'], 'I owe a debt'],
  ])('%s', (_, text, names, masked) => {
    expect(maskNames(text, names)).toBe(masked);
  });

  it('when an account closed on a date, then its compliance records are held three years from it, even over a leap day', () => {
    expect(complianceRecordsUntil(new Date('2024-02-29T10:00:00Z')).toISOString()).toBe('2027-03-01T10:00:00.000Z');
    expect(complianceRecordsUntil(new Date('2026-11-02T00:00:00Z')).toISOString()).toBe('2029-11-02T00:00:00.000Z');
  });

  it("when the three years have passed, then the service's words are no longer kept, and every kept item says why", () => {
    const within = debtorKept(new Date('2029-11-02T00:00:00Z'), true);
    const after = debtorKept(new Date('2029-11-02T00:00:00Z'), false);
    expect(within.map((k) => k.what)).toContainEqual(expect.stringContaining('what the service said'));
    expect(after.map((k) => k.what)).not.toContainEqual(expect.stringContaining('what the service said'));
    expect(within.find((k) => k.what.startsWith('the fact of each contact'))?.until).toMatch(/^2029-11-02/);
    for (const kept of within) expect(kept.why.length, kept.what).toBeGreaterThan(20);
  });
});
