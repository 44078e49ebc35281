import { patched } from '@temporalio/workflow';
import type { AnyExperiment } from '../../src/campaigns/experiment-schema';
import { armChanges, type ArmAssignments } from '../../src/experiments/arms';
import type { OutreachContext } from './outreach-context';

// The person's arms in the script experiments of their campaign or survey. Each version the
// workflow loads is worked as the person's arms word it; a person new to an experiment is placed in
// an arm, and one whose arm was stopped moves to a running one. Both are audited, and the
// assignments are kept in the workflow's state, so a new version and a continue-as-new keep them.

/** Runs from before experiments existed load documents without arms: patched() keeps their replay. */
const scriptExperimentsPatch = 'script-experiments';

export function withExperimentArms<D extends { experiments?: readonly AnyExperiment[] }, Armed>(
  ctx: OutreachContext,
  document: D,
  version: number,
  apply: (document: D, arms: ArmAssignments) => Armed,
): D | Armed {
  // A document loaded before documents had experiments comes back from history without the field.
  const experiments = document.experiments ?? [];
  if (experiments.length === 0 || !patched(scriptExperimentsPatch)) return document;
  const arms = (ctx.state.experimentArms ??= {});
  for (const change of armChanges(experiments, arms, ctx.workflowId)) {
    arms[change.experimentId] = change.armId;
    const { reason, ...data } = change;
    if (reason === 'assigned') ctx.trail.audit('experiment-assigned', { ...data, campaignVersion: version });
    else ctx.trail.audit('experiment-arm-moved', { ...data, reason, campaignVersion: version });
  }
  return apply(document, arms);
}
