import type { Campaign } from '../../src/campaigns/campaign-schema';
import type { OutreachCadence } from '../../src/campaigns/contact-policy-schema';
import type { AttemptOutcome, CadenceProgress } from '../../src/policy/cadence';

// What every outreach workflow (debtors now, survey respondents next) keeps about the person it
// contacts: where they are in the cadence, what was tried, what the law counts, and who said stop.

export type { AttemptOutcome } from '../../src/policy/cadence';

export type ContactChannel = 'sms' | 'voice';

export interface AttemptRecord {
  attemptKey: string;
  stepId: string;
  channel: ContactChannel;
  purpose: string;
  /** Epoch ms. */
  at: number;
  outcome: AttemptOutcome;
  campaignVersion: number;
  providerSid?: string;
}

export type PauseSource = 'operator' | 'campaign';

/** The statuses the shared outreach steps set; each workflow adds its own. */
export type OutreachStatus = 'contacting' | 'paused' | 'cooling-down';

export interface OutreachState extends CadenceProgress {
  campaignVersion: number;
  attempts: AttemptRecord[];
  /** Regulation F history, epoch ms: call attempts and telephone conversations about the debt. */
  callAttempts: number[];
  conversations: number[];
  optedOut: { sms: boolean; voice: boolean };
  paused: boolean;
  /**
   * Who paused the account: an operator (this account) or its campaign. Each lifts only its own
   * pause: resuming a campaign never resumes an account an operator paused.
   */
  pausedBy?: PauseSource[];
  nextContact?: { at: number; reason: string; stepId: string; channel: ContactChannel };
  auditSeq: number;
  /** Experiment id → the arm this person is in (src/experiments/arms.ts); absent before any experiment. */
  experimentArms?: Record<string, string>;
}

/** The parts of a campaign or survey the shared outreach steps read. */
export type OutreachCampaign = Pick<Campaign, 'contactWindow' | 'frequencyCaps' | 'consent'> & {
  cadence: OutreachCadence;
  /** Local hours for calls inside the contact window, when an experiment's arm sets them. */
  callHours?: { start: string; end: string };
};

/** Twilio's report on one text, keyed by the attempt that sent it. */
export interface SmsDeliveryStatus {
  attemptKey: string;
  status: 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';
  errorCode?: string;
}
