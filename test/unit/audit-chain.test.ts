import { describe, expect, it } from 'vitest';
import { canonicalJson, chainedEntry, checkChain, entryHash, genesisHash } from '../../src/audit/audit-chain';
import type { AuditContent, ChainedAuditEntry, StoredAuditEntry } from '../../src/audit/audit-entry';

const subject = 'debtor/c-1/A-1';
const content = (n: number, data: Record<string, unknown> = { n }): AuditContent => ({
  eventKey: `${subject}#${n}`,
  workflowId: subject,
  campaignId: 'c-1',
  campaignVersion: 1,
  type: 'contact-attempt',
  data,
});

/** A chain of `length` entries as the repository stores them, one second apart. */
function chain(length: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (let n = 1; n <= length; n++) entries.push(chainedEntry(content(n), new Date(Date.UTC(2026, 0, 1, 0, 0, n)), entries.at(-1)));
  return entries;
}

const without = (entries: ChainedAuditEntry[], ...positions: number[]) => entries.filter((entry) => !positions.includes(entry.chainSeq));
const edit = (entries: ChainedAuditEntry[], position: number, change: (entry: ChainedAuditEntry) => StoredAuditEntry) =>
  entries.map((entry) => (entry.chainSeq === position ? change(entry) : entry));
/** An edit by someone who knows the scheme: the entry's own hash recomputed, the next link left as it was. */
const rehashed = (entry: ChainedAuditEntry): ChainedAuditEntry => {
  const changed = { ...entry, data: { n: 99 } };
  return { ...changed, hash: entryHash(changed) };
};
const notFromGenesis = (entry: ChainedAuditEntry): ChainedAuditEntry => {
  const changed = { ...entry, prevHash: 'f'.repeat(64) };
  return { ...changed, hash: entryHash(changed) };
};

describe('canonicalJson', () => {
  it.each([
    { value: { b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } }, expected: '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}' },
    { value: { at: new Date('2026-01-01T00:00:00.000Z') }, expected: '{"at":"2026-01-01T00:00:00.000Z"}' },
    { value: { a: undefined, b: null }, expected: '{"b":null}' },
    { value: [undefined, 'é', -0, 1.5], expected: '[null,"é",0,1.5]' },
    { value: {}, expected: '{}' },
  ])('when $value is serialised, then it reads $expected', ({ value, expected }) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('when the same object is built in another key order, then its serialisation and hash are the same', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const forward = { ...content(1, { a: 1, b: { c: 2, d: 3 } }), at, chainSeq: 1, prevHash: genesisHash };
    const backward = { prevHash: genesisHash, chainSeq: 1, at, data: { b: { d: 3, c: 2 }, a: 1 }, type: 'contact-attempt', campaignVersion: 1, campaignId: 'c-1', workflowId: subject, eventKey: `${subject}#1` };
    expect(entryHash(backward)).toBe(entryHash(forward));
  });
});

describe('chainedEntry', () => {
  it('when entries are chained, then the first links to the genesis value and each next one to the hash before it', () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({ chainSeq: 1, prevHash: genesisHash });
    expect(second).toMatchObject({ chainSeq: 2, prevHash: first!.hash });
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('checkChain', () => {
  const five = chain(5);
  const problem = (kind: string, chainSeq: number) => ({ kind, chainSeq, eventKey: `${subject}#${chainSeq}` });

  it.each([
    { what: 'the chain is whole', entries: five, problems: [] },
    { what: 'the entries are read in another order', entries: [...five].reverse(), problems: [] },
    { what: "#3's data is edited", entries: edit(five, 3, (e) => ({ ...e, data: { n: 99 } })), problems: [problem('edited', 3)] },
    { what: "#3's time is edited", entries: edit(five, 3, (e) => ({ ...e, at: new Date(0) })), problems: [problem('edited', 3)] },
    { what: "#3's hash is removed", entries: edit(five, 3, ({ hash: _h, ...e }) => e), problems: [problem('edited', 3), problem('broken-link', 4)] },
    { what: '#3 is edited and its hash recomputed', entries: edit(five, 3, rehashed), problems: [problem('broken-link', 4)] },
    { what: '#3 is deleted', entries: without(five, 3), problems: [problem('deleted', 4)] },
    { what: '#2 and #3 are deleted', entries: without(five, 2, 3), problems: [problem('deleted', 4)] },
    { what: 'the last entry is deleted (the history check finds it)', entries: without(five, 5), problems: [] },
    { what: '#1 and #2 expired under retention', entries: without(five, 1, 2), problems: [] },
    { what: '#1 expired and #3 was deleted', entries: without(five, 1, 3), problems: [problem('deleted', 4)] },
    { what: '#1 is replaced by one that does not start from genesis', entries: edit(five, 1, notFromGenesis), problems: [problem('broken-link', 1), problem('broken-link', 2)] },
    { what: 'a second entry sits at #3', entries: [...five, { ...five[2]!, eventKey: `${subject}#x`, hash: five[2]!.hash }], problems: [{ kind: 'edited', chainSeq: 3, eventKey: `${subject}#x` }] },
    { what: 'an entry without chain fields was inserted', entries: [...five, { ...content(9), at: new Date() }], problems: [{ kind: 'unchained', eventKey: `${subject}#9` }] },
  ])('when $what, then the problems are $problems', ({ entries, problems }) => {
    expect(checkChain(entries).problems.map(({ detail: _d, ...p }) => p)).toEqual(problems);
  });

  it('when the first entries expired under retention, then the check says where the remaining chain starts', () => {
    expect(checkChain(without(five, 1, 2))).toMatchObject({ expiredBefore: 3, first: 3, last: 5, problems: [] });
    expect(checkChain(five).expiredBefore).toBeUndefined();
  });

  it('when an entry is missing from the middle, then the problem names the missing position and says deleted', () => {
    expect(checkChain(without(five, 3)).problems[0]!.detail).toBe('missing link: entry #3 before it is missing (deleted)');
  });
});
