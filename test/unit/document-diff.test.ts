import { describe, expect, it } from 'vitest';
import { diffDocuments, type DocumentChange } from '../../src/campaigns/document-diff';

describe('diffDocuments', () => {
  it.each<{ what: string; before: unknown; after: unknown; changes: DocumentChange[] }>([
    { what: 'two equal documents', before: { id: 'a', steps: [{ at: 1 }] }, after: { id: 'a', steps: [{ at: 1 }] }, changes: [] },
    { what: 'a changed top-level field', before: { id: 'a', name: 'Old' }, after: { id: 'a', name: 'New' }, changes: [{ path: 'name', change: 'changed', before: 'Old', after: 'New' }] },
    { what: 'a field added', before: { id: 'a' }, after: { id: 'a', helpText: 'Call us' }, changes: [{ path: 'helpText', change: 'added', after: 'Call us' }] },
    { what: 'a field removed', before: { id: 'a', helpText: 'Call us' }, after: { id: 'a' }, changes: [{ path: 'helpText', change: 'removed', before: 'Call us' }] },
    {
      what: 'a nested field changed',
      before: { cadence: { steps: [{ channel: 'sms', delay: 'P1D' }] } },
      after: { cadence: { steps: [{ channel: 'voice', delay: 'P1D' }] } },
      changes: [{ path: 'cadence.steps[0].channel', change: 'changed', before: 'sms', after: 'voice' }],
    },
    {
      what: 'a step appended to a list',
      before: { steps: ['a'] },
      after: { steps: ['a', 'b'] },
      changes: [{ path: 'steps[1]', change: 'added', after: 'b' }],
    },
    {
      what: 'a list shortened',
      before: { languages: ['en', 'es'] },
      after: { languages: ['en'] },
      changes: [{ path: 'languages[1]', change: 'removed', before: 'es' }],
    },
    {
      what: 'a value that changes type (text to an object)',
      before: { template: 'Hi' },
      after: { template: { en: 'Hi' } },
      changes: [{ path: 'template', change: 'changed', before: 'Hi', after: { en: 'Hi' } }],
    },
    { what: 'a null that becomes a value', before: { cap: null }, after: { cap: 7 }, changes: [{ path: 'cap', change: 'changed', before: null, after: 7 }] },
    {
      what: 'a key a dotted path would misread',
      before: { templates: { 'zh-CN': 'a' } },
      after: { templates: { 'zh-CN': 'a', 'first reminder': 'b' } },
      changes: [{ path: 'templates["first reminder"]', change: 'added', after: 'b' }],
    },
    { what: 'two documents of different shapes', before: { id: 'a' }, after: ['a'], changes: [{ path: '(document)', change: 'changed', before: { id: 'a' }, after: ['a'] }] },
    {
      what: 'several changes at once',
      before: { id: 'a', name: 'A', limits: { perWeek: 7 } },
      after: { id: 'a', limits: { perWeek: 5 }, name: 'A', paused: false },
      changes: [
        { path: 'limits.perWeek', change: 'changed', before: 7, after: 5 },
        { path: 'paused', change: 'added', after: false },
      ],
    },
  ])('when $what are compared, then the changes are listed path by path', ({ before, after, changes }) => {
    expect(diffDocuments(before, after)).toEqual(changes);
  });

  it('when the newer version is compared with the older, then every addition reads as a removal and the reverse', () => {
    const older = { id: 'a', steps: ['sms'] };
    const newer = { id: 'a', steps: ['sms', 'voice'], helpText: 'Call' };
    expect(diffDocuments(newer, older)).toEqual([
      { path: 'steps[1]', change: 'removed', before: 'voice' },
      { path: 'helpText', change: 'removed', before: 'Call' },
    ]);
  });
});
