import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayHistories, type ReplayOutcome } from '../../src/temporal/history-replay';
import { goldenCodecs, goldenReplayItems } from '../support/golden-histories';

// The deploy gate of the README ("replay last week's histories before switching workers") at work:
// a release that reorders two activities of a running workflow is stopped by the replay of recorded
// histories, and the same release with the change behind patched() goes through. The release is a
// copy of the respondent workflow (reordered-start/) bundled in place of today's.

async function replayAgainst(workflows: 'unguarded' | 'guarded'): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  const workflowsPath = path.resolve(__dirname, 'reordered-start', `${workflows}.ts`);
  for await (const outcome of replayHistories(goldenReplayItems(), { workflowsPath, codecs: goldenCodecs() })) outcomes.push(outcome);
  return outcomes;
}

const respondents = (outcomes: ReplayOutcome[]) => outcomes.filter((o) => o.workflowId!.startsWith('respondent/') && !o.workflowId!.includes('/call/'));

describe('the replay gate before a deploy', () => {
  it('when a release reorders two activities of the respondent workflow, then every recorded respondent diverges at the event where the order differs', async () => {
    const outcomes = await replayAgainst('unguarded');
    expect(respondents(outcomes).length).toBeGreaterThanOrEqual(4);
    for (const outcome of respondents(outcomes)) {
      expect(outcome, outcome.source).toMatchObject({ status: 'diverged', event: { type: 'ActivityTaskScheduled', detail: 'recordAudit' } });
      expect(outcome.reason).toContain("Activity type of scheduled event 'recordAudit' does not match activity type of activity command 'saveRespondentSnapshot'");
    }
    // The start of the run: the survey loaded (a local activity's marker, event 5), then the audit the release now writes second.
    expect(outcomes.find((o) => o.source === 'respondent-completes-by-text.json')?.event).toEqual({ id: 6, type: 'ActivityTaskScheduled', detail: 'recordAudit' });
    const others = outcomes.filter((o) => !respondents(outcomes).includes(o));
    expect(others.length).toBeGreaterThanOrEqual(10);
    expect(others.filter((o) => o.status !== 'passed')).toEqual([]);
  }, 120_000);

  it('when the same release puts the new order behind patched(), then every recorded history replays', async () => {
    const outcomes = await replayAgainst('guarded');
    expect(outcomes.filter((o) => o.status !== 'passed')).toEqual([]);
    expect(respondents(outcomes).length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
