import { nextAllowedMoment, type AllowedMoment } from '../../src/policy/contact-window';
import { withinRegulationF, type ContactRules } from '../../src/policy/us-contact-rules';
import type { OutreachContext } from './outreach-context';
import type { ContactChannel } from './outreach-state';
import { reads } from './outreach-activities';
import { noteCampaignHold, type DueContact } from './contact-reasons';

// The gate every contact passes: the campaign's contact window in the person's zone, the
// Regulation F call caps (at least Regulation F's for a +1 number), the shared consent ledger, and
// the campaign's own pause flag.

/**
 * A held contact looks at the campaign's flag again after 10 minutes, then less and less often (at
 * most every 6 hours): the broadcast's pause usually arrives first and stops the looking.
 */
const campaignPauseRecheck = { firstMs: 10 * 60_000, maxMs: 6 * 3_600_000 };

/** The earliest moment from `notBefore` at which the window and the caps allow a contact on `channel`. */
export function allowedMoment(ctx: OutreachContext, channel: ContactChannel, notBefore: number): AllowedMoment {
  const { state } = ctx;
  return nextAllowedMoment({
    now: notBefore,
    timeZone: ctx.person.timeZone,
    channel,
    ...contactRules(ctx, channel),
    history: { callAttempts: state.callAttempts, conversations: state.conversations },
  });
}

/** The campaign's hours and caps; for a debtor's +1 number, never looser than Regulation F's, whatever the campaign's jurisdiction. */
function contactRules(ctx: OutreachContext, channel: ContactChannel): ContactRules {
  const { contactWindow, callHours, frequencyCaps } = ctx.campaign;
  const rules = { contactWindow: channel === 'voice' && callHours ? { ...contactWindow, ...callHours } : contactWindow, frequencyCaps };
  return ctx.regulationFByNumber ? withinRegulationF(rules) : rules;
}

/**
 * What the consent ledger allows for the person's number now, and whether the campaign is paused.
 * The ledger is shared by every campaign: an opt-out given elsewhere holds here too.
 */
export function contactPermissions(ctx: OutreachContext) {
  return reads.contactPermissions({ phone: ctx.person.phone, campaignId: ctx.campaignId });
}

/**
 * The campaign was paused and its broadcast has not reached this person yet: nobody is contacted
 * and the step stays due. Looked at again later, the contact window is worked out anew.
 */
export async function holdWhileCampaignPaused(ctx: OutreachContext, due: DueContact, dueAt: number, pausedBy?: string): Promise<void> {
  const recheckMs = Math.min(campaignPauseRecheck.firstMs * 2 ** ctx.campaignHolds++, campaignPauseRecheck.maxMs);
  const at = Date.now() + recheckMs;
  noteCampaignHold(ctx, due, { dueAt, recheckAt: at, ...(pausedBy ? { pausedBy } : {}) });
  ctx.state.nextContact = { at, reason: 'held: the campaign is paused', stepId: due.stepId, channel: due.channel };
  ctx.mirror();
  await ctx.changes.sleepUntil(at);
}
