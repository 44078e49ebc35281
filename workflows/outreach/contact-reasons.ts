import type { NextStep, StepBasis } from '../../src/policy/cadence';
import type { AllowedMoment, Deferral } from '../../src/policy/contact-window';
import type { OutreachContext } from './outreach-context';
import type { ContactChannel } from './outreach-state';

// Why a contact happened when it did, and why a due one waited, in the audit log: an auditor reads
// from it which rule let a call through at 20:05 (a cadence step, a retry's backoff, a follow-up)
// and which held it back until then (the window, a blackout, the Regulation F counts, a paused
// campaign). The workflow works these out anyway to decide; here they are kept.

/** What made a contact due, and what held it back until it was made. Times are epoch ms. */
export type ContactWhy = (StepBasis | { rule: 'follow-up'; purpose: string }) & {
  stepId: string;
  /** When the rule made it due. */
  dueAt: number;
  /** When the contact gate was asked: later than `dueAt` when the account was busy, paused or held meanwhile. */
  askedAt: number;
  /** The earliest moment the window and caps allowed from `askedAt`. */
  allowedAt: number;
  /** The rules that moved it from `askedAt` to `allowedAt`; empty when it was allowed at once. */
  deferrals: Deferral[];
  /** A paused campaign held it: since when, and who paused the campaign when the flag says. */
  held?: CampaignHold;
};

export interface CampaignHold {
  since: number;
  pausedBy?: string;
}

/** A contact the audit entries name: the attempt it will be made under. */
export interface DueContact {
  attemptKey: string;
  stepId: string;
  channel: ContactChannel;
}

/** Patch of the runs that write deferrals and campaign holds to the audit log (new activity calls). */
export const auditContactDeferralsPatch = 'audit-contact-deferrals';

/** Why a cadence step is contacted when the gate allows it. */
export function cadenceWhy(next: Extract<NextStep, { kind: 'step' }>, askedAt: number, allowed: AllowedMoment): ContactWhy {
  return { ...next.basis, stepId: next.step.id, dueAt: next.notBefore, askedAt, allowedAt: allowed.at, deferrals: allowed.deferrals };
}

/** Why a follow-up (a reminder after a broken promise, a missed instalment or an unanswered question) is sent when it is. */
export function followUpWhy(purpose: string, dueAt: number, allowed: AllowedMoment, askedAt = dueAt): ContactWhy {
  return { rule: 'follow-up', purpose, stepId: purpose, dueAt, askedAt, allowedAt: allowed.at, deferrals: allowed.deferrals };
}

/**
 * A due contact the window or the caps hold back, once per attempt and allowed moment: a pass of
 * the main loop woken by another event that finds the same deferral again does not repeat it.
 */
export function noteDeferral(ctx: OutreachContext, contact: DueContact, why: ContactWhy): void {
  if (!ctx.auditsDeferrals || why.deferrals.length === 0) return;
  const noted = `${contact.attemptKey}@${why.allowedAt}`;
  if (ctx.deferralNoted === noted) return;
  ctx.deferralNoted = noted;
  const { dueAt, askedAt, allowedAt, deferrals } = why;
  ctx.trail.audit('contact-deferred', { ...contact, dueAt, askedAt, allowedAt, deferrals, reason: deferrals.map((d) => d.reason).join('; ') });
}

/** The first hold of a due contact by a paused campaign (its rechecks are not repeated). */
export function noteCampaignHold(ctx: OutreachContext, contact: DueContact, hold: { dueAt: number; recheckAt: number; pausedBy?: string }): void {
  if (ctx.held) return;
  ctx.held = { since: Date.now(), ...(hold.pausedBy ? { pausedBy: hold.pausedBy } : {}) };
  if (ctx.auditsDeferrals) ctx.trail.audit('contact-held', { ...contact, ...hold });
}

/** The contact about to be made: its attempt's audit entry says why now (sms-attempt.ts `recordAttempt`). */
export function beginContact(ctx: OutreachContext, attemptKey: string, why: ContactWhy): void {
  ctx.dueContact = { attemptKey, why: ctx.held ? { ...why, held: ctx.held } : why };
  ctx.held = undefined;
}

/** The reasons of the contact recorded under `attemptKey`, if it is the one being made. */
export function whyOf(ctx: OutreachContext, attemptKey: string): ContactWhy | undefined {
  return ctx.dueContact?.attemptKey === attemptKey ? ctx.dueContact.why : undefined;
}
