import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { campaignWithArms, type ArmedCampaign } from '../../src/experiments/arms';
import { chooseStrategy } from '../../src/policy/segments';
import { adoptNewCampaignVersion } from '../outreach/campaign-version';
import { withExperimentArms } from '../outreach/experiment-arms';
import { shouldContinueAsNew } from '../outreach/outreach-context';
import { reads } from '../outreach/outreach-activities';
import { waitWhilePaused } from '../outreach/pause';
import type { DebtorView, DebtorWorkflowInput } from './debtor.messages';
import { createDebtorContext, segmentProfile, view, type DebtorContext } from './debtor-context';
import { registerDebtorHandlers } from './debtor-handlers';
import { workDebtorCadence } from './debtor-cadence';
import { answerReplies } from './debtor-texts';
import { openHumanTask, waitForAgent } from './human-tasks';
import { followUpPlan, followUpPromise } from './promises-and-plans';

const defaultContinueAsNewAfterEvents = 4000;

/**
 * One debtor's account in one campaign, worked until it is paid, settled, disputed, ceased,
 * exhausted or closed: contact by the cadence inside the law's windows and caps; react at any
 * moment to payments, replies, promises, plans, disputes and operators.
 */
export async function debtorWorkflow(input: DebtorWorkflowInput): Promise<DebtorView> {
  const ctx = createDebtorContext(input);
  registerDebtorHandlers(ctx);
  ctx.campaign = await loadArmedCampaign(ctx, { campaignId: input.campaignId, version: ctx.state.campaignVersion });
  ctx.campaignLoaded = true;
  if (!input.carried) await begin(ctx);

  while (!ctx.isClosed()) {
    ctx.changes.beginPass();
    ctx.trail.check();
    await adoptNewCampaignVersion(ctx, (version) => loadArmedCampaign(ctx, version));
    await answerReplies(ctx);
    ctx.mirror();
    if (ctx.isClosed()) break;
    if (shouldContinueAsNew(input.continueAsNewAfterEvents ?? defaultContinueAsNewAfterEvents)) {
      await condition(allHandlersFinished);
      await ctx.trail.flush();
      return continueAsNew<typeof debtorWorkflow>({ ...input, campaignVersion: ctx.state.campaignVersion, carried: ctx.state });
    }
    await nextMove(ctx);
  }

  await condition(allHandlersFinished);
  ctx.mirror();
  await ctx.trail.flush();
  return view(ctx);
}

/** The campaign's segments choose how this account is worked: by the cadence, or by a person first. */
async function begin(ctx: DebtorContext): Promise<void> {
  const { state } = ctx;
  const chosen = chooseStrategy(ctx.campaign, segmentProfile(ctx.person));
  state.strategy = chosen.strategy;
  state.segmentId = chosen.segmentId ?? undefined;
  ctx.trail.audit('started', { strategy: state.strategy, segmentId: state.segmentId, balanceMinor: state.balanceMinor });
  if (state.strategy === 'human-first') await openHumanTask(ctx, 'human-first', `Segment ${state.segmentId ?? 'default'}: a person works this account first.`);
}

/** A campaign version, as this debtor's experiment arms word it. */
async function loadArmedCampaign(ctx: DebtorContext, version: { campaignId: string; version: number }): Promise<ArmedCampaign> {
  return withExperimentArms(ctx, await reads.loadCampaignVersion(version), version.version, campaignWithArms);
}

/** What the account waits for now, in order of precedence. */
function nextMove(ctx: DebtorContext): Promise<void> {
  const { state } = ctx;
  if (state.paused) return waitWhilePaused(ctx);
  if (state.humanTask) return waitForAgent(ctx);
  if (state.plan) return followUpPlan(ctx);
  if (state.promise) return followUpPromise(ctx);
  return workDebtorCadence(ctx);
}
