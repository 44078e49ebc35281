import { condition, workflowInfo } from '@temporalio/workflow';
import type { AuditTrail } from './bookkeeping';
import type { CampaignHold, ContactWhy } from './contact-reasons';
import type { OutreachCampaign, OutreachState, OutreachStatus, SmsDeliveryStatus } from './outreach-state';

// The one object the parts of an outreach workflow share: who is contacted under which campaign,
// the state that survives a continue-as-new, and the helpers every part needs.

export interface OutreachPerson {
  /** E.164. */
  readonly phone: string;
  /** IANA zone: every window and date is reasoned about here. */
  readonly timeZone: string;
  /** Prior express consent to artificial-voice calls, as imported. */
  readonly artificialVoiceConsent: boolean;
}

export interface OutreachContext<S extends OutreachState = OutreachState, C extends OutreachCampaign = OutreachCampaign> {
  readonly workflowId: string;
  readonly campaignId: string;
  readonly person: OutreachPerson;
  /**
   * Regulation F's hours and caps apply whatever the campaign's jurisdiction: a debtor (Regulation F
   * binds debt collectors, 12 CFR 1006.2(i), not surveys) with a +1 number. Decided once as the run
   * starts: the patch it rests on must not be asked from an update's validator or a query.
   */
  readonly regulationFByNumber: boolean;
  /**
   * Deferrals and campaign holds are written to the audit log (contact-reasons.ts): new activity
   * calls, so runs from before that replay without them. Decided once as the run starts.
   */
  readonly auditsDeferrals: boolean;
  /** Rate-limited task queues for outbound contact. */
  readonly queues: { readonly sms: string; readonly voice: string };
  readonly state: S;
  campaign: C;
  /** The newest campaign version announced; the main loop adopts it on its next pass. */
  pendingCampaignVersion: number;
  /** Contacts held in a row by a paused campaign, which spaces out the looking again. */
  campaignHolds: number;
  /** Since when a paused campaign holds the due contact; cleared when it is made. */
  held?: CampaignHold;
  /** The last deferral written to the audit log (attempt and allowed moment), not to be written twice. */
  deferralNoted?: string;
  /** The contact being made and why now, for its attempt's audit entry. */
  dueContact?: { attemptKey: string; why: ContactWhy };
  /** Delivery reports that arrived for texts, by attempt key. */
  readonly deliveries: Map<string, SmsDeliveryStatus>;
  readonly changes: Changes;
  readonly trail: AuditTrail;
  isClosed(): boolean;
  setStatus(status: OutreachStatus): void;
  /** Brings the status mirror up to date, without waiting for the write. */
  mirror(): void;
}

/**
 * Every event bumps a counter, so a sleeping workflow wakes to reconsider. A pass of the main
 * loop notes the events it took into account: a wait ends at once if anything happened since,
 * even between the decision and the start of the wait.
 */
export class Changes {
  private changes = 0;
  private considered = 0;

  touched(): void {
    this.changes++;
  }

  beginPass(): void {
    this.considered = this.changes;
  }

  get pending(): boolean {
    return this.changes !== this.considered;
  }

  /** Sleeps until `at`, or returns true early when an event changed something (or `until` holds). */
  async sleepUntil(at: number, until: () => boolean = () => false): Promise<boolean> {
    const wait = at - Date.now();
    if (wait <= 0) return this.pending || until();
    return condition(() => this.pending || until(), wait);
  }

  async waitForChange(): Promise<void> {
    await condition(() => this.pending);
  }
}

/** Temporal warns at 10,240 events; a run continues as new well before. */
export function shouldContinueAsNew(afterEvents: number): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > afterEvents;
}

/** Where a person starts: the first step of the first cycle, nothing tried, nobody said stop. */
export function freshOutreachState(campaignVersion: number): OutreachState {
  return {
    campaignVersion,
    cycle: 1,
    cycleStartedAt: Date.now(),
    stepIndex: 0,
    stepRetries: 0,
    attempts: [],
    callAttempts: [],
    conversations: [],
    optedOut: { sms: false, voice: false },
    paused: false,
    auditSeq: 0,
  };
}
