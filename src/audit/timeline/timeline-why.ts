import type { DeferralKind } from '../../policy/contact-window';
import type { ContactWhy } from '../../../workflows/outreach/contact-reasons';
import { spokenDuration, spokenMillis, type Clock } from './timeline-clock';

// Why, in words, from what the workflow recorded: for each attempt the rule that let it happen
// then (a cadence step's delay, a retry's backoff, a follow-up) and what held it back until then
// (the contact window, a blackout, the Regulation F counts, a paused campaign, a pause); for each
// deferral and hold, the rule and until when.

/** A pause or a resume of the account, by its operator or its campaign. */
export interface PauseSpan {
  from: number;
  /** Undefined while it still holds. */
  until?: number;
  by: string;
  actor?: string;
}

/** A wait shorter than this is the workflow's own pace (a workflow task, an activity), not worth a word. */
const slackMs = 60_000;

const deferralLabels: Record<DeferralKind, string> = {
  'outside-hours': 'contact window',
  'not-a-contact-day': 'contact weekdays',
  'blackout-date': 'blackout date',
  'call-attempts-cap': 'Regulation F call count',
  'conversation-quiet-days': 'Regulation F quiet days after a conversation',
};

const followUpPurposes: Record<string, string> = {
  'promise-broken': 'reminder after a broken promise',
  'instalment-missed': 'reminder after a missed instalment',
  'survey-reminder': 'reminder of an unanswered survey question',
};

/** Why a contact that was due waited: each rule, in the order it applied, and until when. */
function deferralWords(deferrals: ContactWhy['deferrals'], allowedAt: number, clock: Clock, dayOf: number): string {
  const rules = deferrals.map((d) => `${deferralLabels[d.kind] ?? d.kind} (${d.reason})`);
  return `deferred: ${rules.join('; ')} until ${clock.when(allowedAt, dayOf)}`;
}

/** The rule that made a contact due, and when: 'cadence step 'call-2' (1 hour after the previous step) due 18:00 local'. */
function basisWords(why: ContactWhy, clock: Clock, dayOf: number): string {
  const due = `due ${clock.when(why.dueAt, dayOf)}`;
  switch (why.rule) {
    case 'cadence-step':
      return `cadence step '${why.stepId}' (${stepDelayWords(why.delay, why.after)}) ${due}`;
    case 'retry':
      return `retry ${why.retry} of cadence step '${why.stepId}' (backoff ${spokenMillis(why.backoffMs)} after the failed attempt) ${due}`;
    case 'follow-up':
      return `follow-up: ${followUpPurposes[why.purpose] ?? why.purpose} ${due}`;
  }
}

function stepDelayWords(delay: string, after: 'start' | 'previous'): string {
  const anchor = after === 'start' ? 'the start' : 'the previous step';
  const words = spokenDuration(delay);
  return words === 'no time' ? `right after ${anchor}` : `${words} after ${anchor}`;
}

/** Why a contact made at `madeAt` was made then. */
export function attemptWhy(why: ContactWhy, madeAt: number, clock: Clock, pauses: readonly PauseSpan[]): string {
  const parts = [basisWords(why, clock, madeAt)];
  if (why.held) {
    parts.push(`held while the campaign was paused${why.held.pausedBy ? ` by ${why.held.pausedBy}` : ''} from ${clock.when(why.held.since, madeAt)} until ${clock.when(why.askedAt, madeAt)}`);
  } else if (why.askedAt - why.dueAt > slackMs) {
    parts.push(waitWords(why.dueAt, why.askedAt, clock, pauses, madeAt));
  }
  if (why.deferrals.length > 0) parts.push(deferralWords(why.deferrals, why.allowedAt, clock, madeAt));
  if (madeAt - Math.max(why.allowedAt, why.askedAt) > slackMs) parts.push(`made at ${clock.when(madeAt, madeAt)}`);
  return parts.join('; ');
}

/** What kept a due contact from being looked at until `askedAt`: a pause, or else the account's other business. */
function waitWords(dueAt: number, askedAt: number, clock: Clock, pauses: readonly PauseSpan[], dayOf: number): string {
  const overlapping = pauses.filter((p) => p.from < askedAt && (p.until ?? Number.POSITIVE_INFINITY) > dueAt);
  if (overlapping.length === 0) return `taken up at ${clock.when(askedAt, dayOf)}`;
  const spans = overlapping.map(
    (p) => `paused by the ${p.by}${p.actor ? ` (${p.actor})` : ''} from ${clock.when(p.from, dayOf)}${p.until !== undefined ? ` until ${clock.when(p.until, dayOf)}` : ''}`,
  );
  return `waited: ${spans.join('; ')}`;
}

/** A deferral entry: which contact, when it was due, the rules, and until when. */
export function deferredWhy(data: { dueAt: number; askedAt: number; allowedAt: number; deferrals: ContactWhy['deferrals'] }, at: number, clock: Clock): string {
  const asked = data.askedAt - data.dueAt > slackMs ? ` (looked at ${clock.when(data.askedAt, at)})` : '';
  return `due ${clock.when(data.dueAt, at)}${asked}; ${deferralWords(data.deferrals, data.allowedAt, clock, at)}`;
}

/** A hold by a paused campaign: nobody is contacted, and the flag is looked at again later. */
export function heldWhy(data: { dueAt: number; recheckAt: number; pausedBy?: string }, at: number, clock: Clock): string {
  const by = data.pausedBy ? ` (paused by ${data.pausedBy})` : '';
  return `due ${clock.when(data.dueAt, at)}; held: the campaign is paused${by} and its pause had not reached this account yet; looked at again at ${clock.when(data.recheckAt, at)}`;
}

/** Why a contact was made, for one that recorded no reasons of its own (a text asked for, or made before reasons were recorded). */
export function purposeWords(purpose: string): string {
  const [kind, stepId] = purpose.split(':');
  if ((kind === 'cadence' || kind === 'call') && stepId) return `cadence step '${stepId}'`;
  if (purpose === 'payment-link-requested') return 'the person asked for the payment link (a PAY text, or on a call)';
  if (purpose === 'survey-conversation') return "the survey conversation's next message";
  return followUpPurposes[purpose] ?? purpose;
}

/** Why an attempt made no contact. */
export function skippedWhy(outcome: string, channel: string): string | undefined {
  if (outcome === 'skipped-opted-out') return `skipped: the number has opted out of ${channel === 'sms' ? 'texts' : 'calls'} (consent ledger)`;
  if (outcome === 'handed-to-agent') return 'handed to a person: no prior express consent to artificial-voice calls (FCC 24-17)';
  return undefined;
}

/** The account's pause spans, from its 'paused' and 'resumed' entries in time order. */
export function pauseSpans(events: ReadonlyArray<{ type: string; at: number; data: Record<string, unknown> }>): PauseSpan[] {
  const spans: PauseSpan[] = [];
  for (const event of events) {
    const by = typeof event.data.by === 'string' ? event.data.by : 'operator';
    const actor = typeof event.data.actor === 'string' ? event.data.actor : undefined;
    if (event.type === 'paused') spans.push({ from: event.at, by, ...(actor ? { actor } : {}) });
    if (event.type === 'resumed') {
      const open = spans.find((span) => span.until === undefined && span.by === by);
      if (open) open.until = event.at;
    }
  }
  return spans;
}
