import { setHandler } from '@temporalio/workflow';
import { registerOutreachSignals } from '../outreach/outreach-signals';
import { records } from '../outreach/outreach-activities';
import { actedBy } from '../outreach/outreach.messages';
import { pause, resume, validateResume } from '../outreach/pause';
import {
  inboundSmsSignal,
  pauseRespondentUpdate,
  resolveFollowUpUpdate,
  respondentStateQuery,
  resumeRespondentUpdate,
  type FollowUpResolution,
} from './respondent.messages';
import { view, type RespondentContext } from './respondent-context';

// What the respondent workflow shows and accepts: events it cannot refuse (signals), and operator
// actions it validates first (updates). Registered before the survey loads.

/** Message sids remembered to read a twice-delivered webhook once; a reply is never that late. */
const repliesRemembered = 50;

export function registerRespondentHandlers(ctx: RespondentContext): void {
  const { state, changes } = ctx;
  setHandler(respondentStateQuery, () => view(ctx));
  setHandler(inboundSmsSignal, (sms) => {
    if (state.repliesSeen.includes(sms.messageSid)) return;
    state.repliesSeen = [...state.repliesSeen, sms.messageSid].slice(-repliesRemembered);
    if (sms.kind === 'opt-out') state.optedOut.sms = true;
    // The consumer's own START: texts may go again (the ledger, read before each one, agrees); nothing to answer.
    if (sms.kind === 'opt-in') {
      state.optedOut.sms = false;
      ctx.trail.audit('sms-opt-in', { messageSid: sms.messageSid });
    } else ctx.pendingReplies.push(sms);
    changes.touched();
  });
  registerOutreachSignals(ctx);
  registerOperatorActions(ctx);
}

function registerOperatorActions(ctx: RespondentContext): void {
  const refuseWhenClosed = () => {
    if (ctx.isClosed()) throw new Error(`the respondent is done with the survey (${ctx.state.outcome})`);
  };
  setHandler(
    pauseRespondentUpdate,
    ({ reason, by = 'operator', actor }) => {
      pause(ctx, reason, by, actor);
      return view(ctx);
    },
    {
      validator: ({ reason }) => {
        refuseWhenClosed();
        if (typeof reason !== 'string' || reason.trim() === '') throw new Error('reason: required, a non-empty text');
      },
    },
  );
  setHandler(
    resumeRespondentUpdate,
    ({ by = 'operator', actor }) => {
      resume(ctx, by, actor);
      return view(ctx);
    },
    {
      validator: ({ by = 'operator' }) => {
        refuseWhenClosed();
        validateResume(ctx, by);
      },
    },
  );
  setHandler(resolveFollowUpUpdate, (resolution) => resolveFollowUp(ctx, resolution), { validator: (resolution) => validateResolution(ctx, resolution) });
}

function validateResolution(ctx: RespondentContext, resolution: FollowUpResolution): void {
  const open = ctx.state.followUp;
  if (!open) throw new Error('the respondent has no open follow-up task');
  if (resolution.taskId !== open.taskId) throw new Error(`taskId: the open task is ${open.taskId}`);
  if (typeof resolution.notes !== 'string' || resolution.notes.trim() === '') throw new Error('notes: required: say what was done about it');
}

/** What was done about the respondent's experience closes the loop and ends the follow-up. */
async function resolveFollowUp(ctx: RespondentContext, resolution: FollowUpResolution) {
  const { state } = ctx;
  const task = state.followUp!;
  state.followUp = undefined;
  await records.closeHumanTask({ taskId: task.taskId, resolution: { outcome: 'followed-up', notes: resolution.notes, ...actedBy(resolution.actor) } });
  ctx.trail.audit('human-task-resolved', { taskId: task.taskId, reason: task.reason, ...actedBy(resolution.actor) });
  ctx.changes.touched();
  return view(ctx);
}
