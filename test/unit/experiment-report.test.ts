import { describe, expect, it } from 'vitest';
import { personOutcomes, type OutcomeEvent } from '../../src/experiments/experiment-outcomes';
import { experimentReport } from '../../src/experiments/experiment-report';

// From audit entries to an experiment's figures: who counts in which arm, and what each metric
// counts, as a collections lead would tally them by hand.

const NOW = Date.parse('2026-12-02T12:00:00Z');
const experiment = {
  id: 'greeting-wording',
  arms: [
    { id: 'standard', weight: 1, stopped: true },
    { id: 'warm', weight: 1, stopped: false, greeting: { en: 'Hi' } },
  ],
};

const assigned = (workflowId: string, armId: string): OutcomeEvent => ({ workflowId, type: 'experiment-assigned', data: { experimentId: 'greeting-wording', armId } });
const event = (workflowId: string, type: string, data: Record<string, unknown> = {}): OutcomeEvent => ({ workflowId, type, data });

describe('experiment report', () => {
  it('When people are placed, reached, promise, pay and are moved, then each counts in their first arm and each metric counts what it says', () => {
    const events = [
      assigned('a', 'standard'),
      event('a', 'call-outcome', { rightPartyVerified: true, escalatedTo: null }),
      event('a', 'promise-recorded', { dueDate: '2026-11-30' }),
      event('a', 'promise-kept', { dueDate: '2026-11-30' }),
      event('a', 'payment-received', { amountMinor: 5000 }),
      // b was moved to warm when standard stopped: it still counts in standard (intention to treat).
      assigned('b', 'standard'),
      event('b', 'experiment-arm-moved', { experimentId: 'greeting-wording', armId: 'warm', from: 'standard' }),
      event('b', 'call-outcome', { rightPartyVerified: false, escalatedTo: 'agent-number' }),
      assigned('c', 'warm'),
      event('c', 'call-outcome', { rightPartyVerified: true }),
      // A promise not yet due is not in the kept-promise rate's population.
      event('c', 'promise-recorded', { dueDate: '2026-12-20' }),
      assigned('d', 'warm'),
      event('d', 'plan-agreed', { instalments: [] }),
      // Someone in no experiment counts nowhere.
      event('e', 'call-outcome', { rightPartyVerified: true }),
    ];

    const report = experimentReport(experiment, personOutcomes(events, NOW).values(), 'collections');

    expect(report).toMatchObject({ control: 'standard', varies: ['greeting'] });
    expect(report.arms).toEqual([
      { id: 'standard', weight: 1, stopped: true, people: 2, movedOut: 1 },
      { id: 'warm', weight: 1, stopped: false, people: 2, movedOut: 0 },
    ]);
    const tally = (metric: string) => report.metrics.find((m) => m.metric === metric)!.arms.map((arm) => `${arm.arm} ${arm.successes ?? '-'}/${arm.n}`);
    expect(tally('right-party-contact-rate')).toEqual(['standard 1/2', 'warm 1/2']);
    expect(tally('promise-to-pay-rate')).toEqual(['standard 1/2', 'warm 2/2']);
    expect(tally('kept-promise-rate')).toEqual(['standard 1/1', 'warm 0/0']);
    expect(tally('hand-off-rate')).toEqual(['standard 1/2', 'warm 0/2']);
    const money = report.metrics.find((m) => m.metric === 'collected-per-account')!;
    expect(money.arms.map((arm) => [arm.arm, arm.estimate.value])).toEqual([['standard', 2500], ['warm', 0]]);
    // Two people an arm are too few for any verdict.
    expect(report.metrics.every((m) => m.comparisons.every((c) => c.verdict === 'not-enough-data'))).toBe(true);
  });

  it("When a survey's respondents start and finish, then response, completion and drop-off are counted over the right people", () => {
    const events = [
      assigned('r1', 'standard'),
      event('r1', 'survey-started'),
      event('r1', 'survey-completed'),
      assigned('r2', 'standard'),
      event('r2', 'survey-started'),
      assigned('r3', 'warm'),
    ];

    const report = experimentReport(experiment, personOutcomes(events, NOW).values(), 'survey');

    const tally = (metric: string) => report.metrics.find((m) => m.metric === metric)!.arms.map((arm) => `${arm.successes}/${arm.n}`);
    expect(report.metrics.map((m) => m.metric)).toEqual(['response-rate', 'completion-rate', 'drop-off-rate']);
    expect(tally('response-rate')).toEqual(['2/2', '0/1']);
    expect(tally('completion-rate')).toEqual(['1/2', '0/0']);
    expect(tally('drop-off-rate')).toEqual(['1/2', '0/0']);
  });
});
