import { describe, expect, it } from 'vitest';
import { answerFactsOf, collectionFactsOf, dueInstant, surveyFactsOf } from '../../src/kpi/kpi-facts';

const at = Date.parse('2026-12-01T15:20:00Z');
const noonOf = (date: string) => Date.parse(`${date}T12:00:00Z`);

describe('which audit entry counts as which collections fact', () => {
  it.each([
    { type: 'started', data: { strategy: 'standard', balanceMinor: 12_000 }, facts: [{ at, channel: 'none', counts: { accountsAssigned: 1, assignedMinor: 12_000 } }] },
    { type: 'contact-attempt', data: { channel: 'sms', outcome: 'delivered' }, facts: [{ at, channel: 'sms', counts: { attempts: 1 } }] },
    { type: 'contact-attempt', data: { channel: 'voice', outcome: 'no-answer' }, facts: [{ at, channel: 'voice', counts: { attempts: 1 } }] },
    { type: 'contact-attempt', data: { channel: 'voice', outcome: 'answered' }, facts: [{ at, channel: 'voice', counts: { attempts: 1, liveContacts: 1 } }] },
    { type: 'contact-attempt', data: { channel: 'voice', outcome: 'handed-to-agent' }, facts: [{ at, channel: 'voice', counts: { attempts: 1, liveContacts: 1 } }] },
    { type: 'contact-attempt', data: { channel: 'sms', outcome: 'skipped-opted-out' }, facts: [] },
    {
      type: 'call-outcome',
      data: { answeredBy: 'human', rightPartyVerified: true, durationSeconds: 95, escalatedTo: 'agent-queue' },
      facts: [{ at, channel: 'voice', counts: { rightPartyContacts: 1, handOffs: 1, handledCalls: 1, handleSeconds: 95 } }],
    },
    { type: 'call-outcome', data: { answeredBy: 'machine', rightPartyVerified: false, durationSeconds: 20 }, facts: [{ at, channel: 'voice', counts: {} }] },
    {
      type: 'promise-recorded',
      data: { amountMinor: 5_000, dueDate: '2026-12-10', source: 'call' },
      facts: [
        { at, channel: 'voice', counts: { promises: 1 } },
        { at: noonOf('2026-12-10'), channel: 'voice', counts: { promisesDue: 1 } },
      ],
    },
    {
      type: 'promise-recorded',
      data: { amountMinor: 5_000, dueDate: '2026-12-10', actor: 'key:agent' },
      facts: [
        { at, channel: 'none', counts: { promises: 1 } },
        { at: noonOf('2026-12-10'), channel: 'none', counts: { promisesDue: 1 } },
      ],
    },
    { type: 'promise-kept', data: { dueDate: '2026-12-10' }, facts: [{ at: noonOf('2026-12-10'), channel: 'none', counts: { promisesKept: 1 } }] },
    { type: 'promise-broken', data: { dueDate: '2026-12-10' }, facts: [] },
    { type: 'payment-received', data: { paymentId: 'p1', amountMinor: 2_550 }, facts: [{ at, channel: 'none', counts: { collectedMinor: 2_550 } }] },
    { type: 'closed', data: { outcome: 'paid' }, facts: [{ at, channel: 'none', counts: { accountsCured: 1 } }] },
    { type: 'closed', data: { outcome: 'settled-by-plan' }, facts: [{ at, channel: 'none', counts: { accountsCured: 1 } }] },
    { type: 'closed', data: { outcome: 'exhausted' }, facts: [] },
    { type: 'human-task-opened', data: { reason: 'dispute' }, facts: [] },
  ])('when a $type entry with $data is stored, then it counts $facts', ({ type, data, facts }) => {
    expect(collectionFactsOf({ type, data, occurredAt: at })).toEqual(facts);
  });

  it.each([
    { dueDate: '2026-12-10', expected: noonOf('2026-12-10') },
    { dueDate: '2026-13-40', expected: undefined },
    { dueDate: 'next week', expected: undefined },
    { dueDate: undefined, expected: undefined },
  ])("when a promise is due '$dueDate', then it comes due at $expected", ({ dueDate, expected }) => {
    expect(dueInstant(dueDate)).toBe(expected);
  });
});

describe('which entry or answer counts as which survey fact', () => {
  it.each([
    { type: 'started', counts: { invited: 1 } },
    { type: 'survey-started', counts: { started: 1 } },
    { type: 'survey-completed', counts: { completed: 1 } },
    { type: 'survey-declined', counts: undefined },
  ])('when a respondent workflow stores $type, then it counts $counts', ({ type, counts }) => {
    expect(surveyFactsOf({ type, data: {}, occurredAt: at })).toEqual(counts);
  });

  it.each([
    { answer: { questionId: 'nps', part: 'answer', value: 9, earlier: 0 }, type: 'nps', counts: { answered: { nps: 1 }, promoters: 1 } },
    { answer: { questionId: 'nps', part: 'answer', value: 3, earlier: 0 }, type: 'nps', counts: { answered: { nps: 1 }, detractors: 1 } },
    { answer: { questionId: 'nps', part: 'answer', value: null, earlier: 0 }, type: 'nps', counts: { answered: { nps: 1 } } },
    { answer: { questionId: 'stars', part: 'answer', value: 9, earlier: 0 }, type: 'rating', counts: { answered: { stars: 1 } } },
    { answer: { questionId: 'nps', part: 'answer', value: 10, earlier: 1 }, type: 'nps', counts: undefined },
    { answer: { questionId: 'nps', part: 'probe', value: 'why', earlier: 0 }, type: 'nps', counts: undefined },
  ])('when the answer $answer to a $type question is stored, then it counts $counts', ({ answer, type, counts }) => {
    expect(answerFactsOf(answer, type)).toEqual(counts);
  });
});
