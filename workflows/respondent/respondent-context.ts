import { patched, workflowInfo } from '@temporalio/workflow';
import type { ArmedSurvey } from '../../src/experiments/arms';
import type { Respondent } from '../../src/surveys/conversation/conversation-types';
import { AuditTrail, StatusMirror } from '../outreach/bookkeeping';
import { Changes, freshOutreachState, type OutreachContext } from '../outreach/outreach-context';
import { records } from '../outreach/outreach-activities';
import { auditContactDeferralsPatch } from '../outreach/contact-reasons';
import type { InboundSms, RespondentOutcome, RespondentProfile, RespondentState, RespondentView, RespondentWorkflowInput } from './respondent.messages';

// What every part of the respondent workflow shares: the outreach context (state, survey as its
// campaign, audit trail, status mirror, change counter) with the respondent's profile.

export interface RespondentContext extends OutreachContext<RespondentState, ArmedSurvey> {
  readonly input: RespondentWorkflowInput;
  readonly person: RespondentProfile;
  readonly surveyId: string;
  /** Handlers are registered before the survey loads; validators that need it refuse until then. */
  surveyLoaded: boolean;
  readonly pendingReplies: InboundSms[];
  setStatus(status: RespondentState['status']): void;
}

export function createRespondentContext(input: RespondentWorkflowInput): RespondentContext {
  const workflowId = workflowInfo().workflowId;
  const { surveyId, respondent } = input;
  const state: RespondentState = input.carried ?? initialState(input);
  const trail = new AuditTrail({ workflowId, campaignId: surveyId }, state);
  const mirror = new StatusMirror(trail, records.saveRespondentSnapshot);
  return {
    input,
    workflowId,
    campaignId: surveyId,
    surveyId,
    person: respondent,
    regulationFByNumber: false,
    auditsDeferrals: patched(auditContactDeferralsPatch),
    queues: input.queues,
    state,
    // Set by the workflow before its first step; until then `surveyLoaded` keeps validators off it.
    campaign: undefined as unknown as ArmedSurvey,
    surveyLoaded: false,
    pendingCampaignVersion: state.campaignVersion,
    campaignHolds: 0,
    deliveries: new Map(),
    pendingReplies: [],
    changes: new Changes(),
    trail,
    isClosed: () => state.outcome !== undefined,
    setStatus: (status) => {
      // Once the respondent has agreed to start, contacting them again is finishing the survey.
      if (state.outcome === undefined) state.status = status === 'contacting' && state.consentedAt !== undefined ? 'in-progress' : status;
    },
    mirror: () => mirror.update(snapshotOf(workflowId, state)),
  };
}

function snapshotOf(workflowId: string, state: RespondentState) {
  const { status, invitedAt, consentedAt, completedAt, sessions, nextContact } = state;
  return { workflowId, status, invitedAt, consentedAt, completedAt, sessions, nextContactAt: nextContact?.at, nextContactReason: nextContact?.reason };
}

/** The respondent as the conversation engine sees them, with every answer recorded so far. */
export function respondentOf(ctx: RespondentContext): Respondent {
  const { person, state } = ctx;
  return {
    language: person.language,
    ...(person.firstName ? { firstName: person.firstName } : {}),
    hidden: person.hidden,
    answers: state.answers,
    timeZone: person.timeZone,
  };
}

export function view(ctx: RespondentContext): RespondentView {
  const { auditSeq: _a, repliesSeen: _r, conversation: _c, ...rest } = ctx.state;
  return { ...rest, workflowId: ctx.workflowId, surveyId: ctx.surveyId, respondentRef: ctx.person.respondentRef };
}

export function close(ctx: RespondentContext, outcome: RespondentOutcome): void {
  const { state } = ctx;
  if (ctx.isClosed()) return;
  state.outcome = outcome;
  state.status = outcome;
  state.nextContact = undefined;
  ctx.trail.audit('closed', { outcome, answers: state.answers.length });
  ctx.changes.touched();
}

function initialState(input: RespondentWorkflowInput): RespondentState {
  return {
    ...freshOutreachState(input.surveyVersion),
    status: 'invited',
    answers: [],
    remindersSent: 0,
    sessions: [],
    repliesSeen: [],
  };
}
