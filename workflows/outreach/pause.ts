import type { OutreachContext } from './outreach-context';
import type { PauseSource } from './outreach-state';
import { actedBy } from './outreach.messages';

// Pause and resume, by an operator (one person) or by the campaign (everyone in it). Each source
// lifts only its own pause: resuming a campaign never resumes a person an operator paused.

export function pause(ctx: OutreachContext, reason: string, by: PauseSource, actor?: string): void {
  const { state } = ctx;
  state.paused = true;
  state.pausedBy = [...new Set([...(state.pausedBy ?? []), by])];
  ctx.trail.audit('paused', { reason, by, ...actedBy(actor) });
  ctx.changes.touched();
}

export function resume(ctx: OutreachContext, by: PauseSource, actor?: string): void {
  const { state } = ctx;
  state.pausedBy = state.pausedBy?.filter((source) => source !== by);
  state.paused = state.pausedBy !== undefined && state.pausedBy.length > 0;
  ctx.trail.audit('resumed', { by, ...actedBy(actor), ...(state.paused ? { stillPausedBy: state.pausedBy } : {}) });
  ctx.changes.touched();
}

/** Refuses a resume that would lift nothing, or lift someone else's pause. */
export function validateResume(ctx: OutreachContext, by: PauseSource): void {
  const { state } = ctx;
  if (!state.paused) throw new Error('the account is not paused');
  if (state.pausedBy && !state.pausedBy.includes(by)) throw new Error(`the account was paused by its ${state.pausedBy.join(' and ')}, not by the ${by}`);
}

/** While paused, the workflow only waits for the next event. */
export async function waitWhilePaused(ctx: OutreachContext): Promise<void> {
  ctx.setStatus('paused');
  ctx.mirror();
  await ctx.changes.waitForChange();
}
