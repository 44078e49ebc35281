import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { surveyWithArms, type ArmedSurvey } from '../../src/experiments/arms';
import { adoptNewCampaignVersion } from '../outreach/campaign-version';
import { withExperimentArms } from '../outreach/experiment-arms';
import { shouldContinueAsNew } from '../outreach/outreach-context';
import { reads } from '../outreach/outreach-activities';
import { waitWhilePaused } from '../outreach/pause';
import type { RespondentView, RespondentWorkflowInput } from './respondent.messages';
import { createRespondentContext, view, type RespondentContext } from './respondent-context';
import { registerRespondentHandlers } from './respondent-handlers';
import { workRespondentCadence } from './respondent-cadence';
import { answerTexts, remindWhenSilent } from './respondent-texts';
import { openDueFollowUp } from './conversation-effects';

const defaultContinueAsNewAfterEvents = 4000;
const followUpReminderEvery = '24 hours';

/**
 * One respondent of one survey, from the invitation to the last answer: contacted by the
 * survey's cadence inside its windows and caps, the conversation carried on reply by reply,
 * every answer kept, and a detractor's follow-up seen through until a person closes it.
 */
export async function respondentWorkflow(input: RespondentWorkflowInput): Promise<RespondentView> {
  const ctx = createRespondentContext(input);
  registerRespondentHandlers(ctx);
  ctx.campaign = await loadArmedSurvey(ctx, { campaignId: input.surveyId, version: ctx.state.campaignVersion });
  ctx.surveyLoaded = true;
  if (!input.carried) ctx.trail.audit('started', { surveyVersion: ctx.state.campaignVersion });

  while (!ctx.isClosed()) {
    ctx.changes.beginPass();
    ctx.trail.check();
    await adoptNewCampaignVersion(ctx, (version) => loadArmedSurvey(ctx, version));
    await answerTexts(ctx);
    ctx.mirror();
    if (ctx.isClosed()) break;
    if (shouldContinueAsNew(input.continueAsNewAfterEvents ?? defaultContinueAsNewAfterEvents)) {
      await condition(allHandlersFinished);
      await ctx.trail.flush();
      return continueAsNew<typeof respondentWorkflow>({ ...input, surveyVersion: ctx.state.campaignVersion, carried: ctx.state });
    }
    await nextMove(ctx);
  }

  await openDueFollowUp(ctx);
  await waitForFollowUp(ctx);
  await condition(allHandlersFinished);
  ctx.mirror();
  await ctx.trail.flush();
  return view(ctx);
}

/** A survey version, as this respondent's experiment arms word it. */
async function loadArmedSurvey(ctx: RespondentContext, version: { campaignId: string; version: number }): Promise<ArmedSurvey> {
  return withExperimentArms(ctx, await reads.loadSurveyVersion(version), version.version, surveyWithArms);
}

/** What the respondent waits for now, in order of precedence. */
async function nextMove(ctx: RespondentContext): Promise<void> {
  if (ctx.state.paused) return waitWhilePaused(ctx);
  if (await remindWhenSilent(ctx)) return;
  return workRespondentCadence(ctx);
}

/** A detractor's (or a hand-off's) task stays with the workflow until a person says what was done. */
async function waitForFollowUp(ctx: RespondentContext): Promise<void> {
  const { state } = ctx;
  while (state.followUp) {
    const task = state.followUp;
    ctx.mirror();
    if (!(await condition(() => state.followUp !== task, followUpReminderEvery))) ctx.trail.audit('human-task-reminder', { taskId: task.taskId, openSince: task.openedAt });
  }
}
