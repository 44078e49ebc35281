import { describe, expect, it } from 'vitest';
import { chainedEntry } from '../../src/audit/audit-chain';
import type { AuditContent, ChainedAuditEntry, StoredAuditEntry } from '../../src/audit/audit-entry';
import type { HistoryAuditWrite } from '../../src/audit/audit-history-agreement';
import { verifyAuditLog } from '../../src/audit/audit-verification';

const subject = 'debtor/c-1/A-1';
const key = (n: number) => `${subject}#${n}`;
const sent = (n: number, data: Record<string, unknown> = { n }): AuditContent => ({ eventKey: key(n), workflowId: subject, campaignId: 'c-1', campaignVersion: 1, type: 'contact-attempt', data });
const second = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));

/** What the history of five audit writes says: scheduled at second n, all completed. */
const history = (count = 5, overrides: Partial<Record<number, Partial<HistoryAuditWrite>>> = {}) => ({
  runs: 1,
  writes: Array.from({ length: count }, (_, i) => ({ input: sent(i + 1), scheduledAt: second(i + 1), completed: true, ...overrides[i + 1] })),
});

/** The log those writes left, stored just after each was scheduled. */
function log(contents: AuditContent[]): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  contents.forEach((content, i) => entries.push(chainedEntry(content, new Date(second(i + 1).getTime() + 10), entries.at(-1))));
  return entries;
}
const five = log([1, 2, 3, 4, 5].map((n) => sent(n)));
const problemsOf = (entries: StoredAuditEntry[], h = history()) => verifyAuditLog(subject, entries, h).problems.map(({ kind, eventKey, chainSeq }) => ({ kind, eventKey, chainSeq }));

describe('verifyAuditLog', () => {
  it.each([
    { what: 'the log holds what the history wrote', entries: five, h: history(), problems: [] },
    {
      what: "#3's data is edited in the database",
      entries: five.map((e) => (e.chainSeq === 3 ? { ...e, data: { n: 33 } } : e)),
      h: history(),
      problems: [{ kind: 'edited', eventKey: key(3), chainSeq: 3 }],
    },
    {
      what: '#3 is deleted',
      entries: five.filter((e) => e.chainSeq !== 3),
      h: history(),
      problems: [
        { kind: 'deleted', eventKey: key(4), chainSeq: 4 },
        { kind: 'missing', eventKey: key(3), chainSeq: undefined },
      ],
    },
    { what: 'the last entry is deleted', entries: five.slice(0, 4), h: history(), problems: [{ kind: 'missing', eventKey: key(5), chainSeq: undefined }] },
    { what: 'a sixth write is still in flight', entries: five, h: history(6, { 6: { completed: false } }), problems: [] },
    {
      what: 'a whole chain was rebuilt with other data (every hash valid)',
      entries: log([1, 2, 3, 4, 5].map((n) => sent(n, n === 2 ? { n: 22 } : { n }))),
      h: history(),
      problems: [{ kind: 'differs-from-history', eventKey: key(2), chainSeq: 2 }],
    },
    {
      what: 'an entry the workflow never wrote was chained on',
      entries: log([1, 2, 3, 4, 5, 6].map((n) => sent(n))),
      h: history(),
      problems: [{ kind: 'not-in-history', eventKey: key(6), chainSeq: 6 }],
    },
    { what: '#1 and #2 expired under retention', entries: five.slice(2), h: history(), problems: [] },
    {
      what: '#1 expired and the last was deleted',
      entries: five.slice(1, 4),
      h: history(),
      problems: [{ kind: 'missing', eventKey: key(5), chainSeq: undefined }],
    },
  ])('when $what, then the problems are $problems', ({ entries, h, problems }) => {
    expect(problemsOf(entries, h)).toEqual(problems);
  });

  it('when the history sent a card number, then the stored (redacted) entry still agrees with it', () => {
    const card = { note: 'paid with 4111 1111 1111 1111' };
    const entries = log([sent(1, card)].map((c) => ({ ...c, data: { note: 'paid with [CARD]' } })));
    expect(problemsOf(entries, { runs: 1, writes: [{ input: sent(1, card), scheduledAt: second(1), completed: true }] })).toEqual([]);
  });

  it('when the stored data differs, then the problem names the differing fields and no values', () => {
    const entries = log([sent(1, { amountMinor: 100, note: 'x' })]);
    const [problem] = verifyAuditLog(subject, entries, { runs: 1, writes: [{ input: sent(1, { amountMinor: 5000, note: 'x' }), scheduledAt: second(1), completed: true }] }).problems;
    expect(problem!.detail).toBe('differs from the workflow history in data.amountMinor');
  });

  it('when entries expired under retention, then the report says before which position, and how many writes that accounts for', () => {
    expect(verifyAuditLog(subject, five.slice(2), history())).toMatchObject({ ok: true, expiredBefore: 3, first: 3, last: 5, history: { writes: 5, expired: 2, inFlight: 0 } });
  });

  it('when Temporal no longer has the workflow, then only the chain is checked and the report says so', () => {
    const chainOnly = verifyAuditLog(subject, five, undefined);
    expect(chainOnly).toMatchObject({ ok: true, entriesChecked: 5 });
    expect(chainOnly.history).toBeUndefined();
    expect(verifyAuditLog(subject, five.filter((e) => e.chainSeq !== 2), undefined).ok).toBe(false);
  });
});
