import { dueInstant } from '../kpi/kpi-facts';

// What each person of a campaign came to, read from the audit log, and which arm they were first
// placed in. Results count a person in that first arm (intention to treat): a person moved out of a
// stopped arm still counts there, so stopping an arm never makes the arms' people differ in kind.

/** An audit entry as the experiment results read it. */
export interface OutcomeEvent {
  workflowId: string;
  type: string;
  data: Record<string, unknown>;
}

export interface PersonOutcome {
  /** Experiment id → the arm first assigned. */
  arms: Record<string, string>;
  /** Experiment ids the person was moved in (their arm was stopped or removed). */
  moved: string[];
  rightPartyContact: boolean;
  /** A promise to pay or a plan was agreed. */
  promised: boolean;
  /** A promise came due (by `now`): whether it was kept is then known. */
  promiseDue: boolean;
  promiseKept: boolean;
  collectedMinor: number;
  handedOff: boolean;
  /** A survey respondent agreed to the introduction or answered. */
  surveyStarted: boolean;
  surveyCompleted: boolean;
}

/** The audit entry types the results read. */
export const outcomeEventTypes = [
  'experiment-assigned',
  'experiment-arm-moved',
  'call-outcome',
  'promise-recorded',
  'plan-agreed',
  'promise-kept',
  'payment-received',
  'survey-started',
  'survey-completed',
] as const;

const blank = (): PersonOutcome => ({ arms: {}, moved: [], rightPartyContact: false, promised: false, promiseDue: false, promiseKept: false, collectedMinor: 0, handedOff: false, surveyStarted: false, surveyCompleted: false });

export function personOutcomes(events: Iterable<OutcomeEvent>, now: number): Map<string, PersonOutcome> {
  const people = new Map<string, PersonOutcome>();
  for (const { workflowId, type, data } of events) {
    const person = people.get(workflowId) ?? blank();
    people.set(workflowId, person);
    apply(person, type, data, now);
  }
  return people;
}

function apply(person: PersonOutcome, type: string, data: Record<string, unknown>, now: number): void {
  switch (type) {
    case 'experiment-assigned':
      if (typeof data.experimentId === 'string' && typeof data.armId === 'string') person.arms[data.experimentId] ??= data.armId;
      return;
    case 'experiment-arm-moved':
      if (typeof data.experimentId === 'string') person.moved.push(data.experimentId);
      return;
    case 'call-outcome':
      person.rightPartyContact ||= data.rightPartyVerified === true;
      person.handedOff ||= data.escalatedTo !== undefined && data.escalatedTo !== null;
      return;
    case 'promise-recorded': {
      person.promised = true;
      const due = dueInstant(data.dueDate);
      person.promiseDue ||= due !== undefined && due <= now;
      return;
    }
    case 'plan-agreed':
      person.promised = true;
      return;
    case 'promise-kept':
      person.promiseKept = true;
      person.promiseDue = true;
      return;
    case 'survey-started':
      person.surveyStarted = true;
      return;
    case 'survey-completed':
      person.surveyStarted = true;
      person.surveyCompleted = true;
      return;
    case 'payment-received':
      person.collectedMinor += typeof data.amountMinor === 'number' && Number.isFinite(data.amountMinor) ? data.amountMinor : 0;
      return;
  }
}
