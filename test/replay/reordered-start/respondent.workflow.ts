import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import { adoptNewCampaignVersion } from '../../../workflows/outreach/campaign-version';
import { shouldContinueAsNew } from '../../../workflows/outreach/outreach-context';
import { reads } from '../../../workflows/outreach/outreach-activities';
import { waitWhilePaused } from '../../../workflows/outreach/pause';
import type { RespondentView, RespondentWorkflowInput } from '../../../workflows/respondent/respondent.messages';
import { createRespondentContext, view, type RespondentContext } from '../../../workflows/respondent/respondent-context';
import { registerRespondentHandlers } from '../../../workflows/respondent/respondent-handlers';
import { workRespondentCadence } from '../../../workflows/respondent/respondent-cadence';
import { answerTexts, remindWhenSilent } from '../../../workflows/respondent/respondent-texts';
import { openDueFollowUp } from '../../../workflows/respondent/conversation-effects';

// A copy of workflows/respondent/respondent.workflow.ts as a later release might change it, for
// deploy-gate.test.ts: when `mirrorFirst()` says so, the status mirror is written before the start
// is audited, so the run's first two activities (recordAudit, saveRespondentSnapshot) swap places.

const defaultContinueAsNewAfterEvents = 4000;
const followUpReminderEvery = '24 hours';

export function respondentWorkflowStarting(mirrorFirst: () => boolean) {
  return async function respondentWorkflow(input: RespondentWorkflowInput): Promise<RespondentView> {
    const ctx = createRespondentContext(input);
    registerRespondentHandlers(ctx);
    ctx.campaign = await reads.loadSurveyVersion({ campaignId: input.surveyId, version: ctx.state.campaignVersion });
    ctx.surveyLoaded = true;
    if (!input.carried) {
      if (mirrorFirst()) ctx.mirror();
      ctx.trail.audit('started', { surveyVersion: ctx.state.campaignVersion });
    }

    while (!ctx.isClosed()) {
      ctx.changes.beginPass();
      ctx.trail.check();
      await adoptNewCampaignVersion(ctx, reads.loadSurveyVersion);
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
  };
}

async function nextMove(ctx: RespondentContext): Promise<void> {
  if (ctx.state.paused) return waitWhilePaused(ctx);
  if (await remindWhenSilent(ctx)) return;
  return workRespondentCadence(ctx);
}

async function waitForFollowUp(ctx: RespondentContext): Promise<void> {
  const { state } = ctx;
  while (state.followUp) {
    const task = state.followUp;
    ctx.mirror();
    if (!(await condition(() => state.followUp !== task, followUpReminderEvery))) ctx.trail.audit('human-task-reminder', { taskId: task.taskId, openSince: task.openedAt });
  }
}
