import type { CollectionFacts } from './collection-kpis';
import { npsGroup, type SurveyFacts } from './survey-kpis';

// Which recorded event counts as which KPI fact, and in which hour. Pure: the rollup writer
// (activities/kpi-rollup.ts) adds what this returns to the hour's counters as the event is stored.

/** An audit log entry as the rollup reads it. */
export interface AuditedEvent {
  type: string;
  data: Record<string, unknown>;
  /** When it happened (epoch ms). */
  occurredAt: number;
}

export type CollectionCounts = Partial<CollectionFacts>;
export type SurveyCounts = Partial<Omit<SurveyFacts, 'answered'>> & { answered?: Record<string, number> };

/** Counts to add in the hour that holds `at`, under `channel` ('none': a fact no channel made). */
export interface CollectionFactsAt {
  at: number;
  channel: string;
  counts: CollectionCounts;
}

const liveOutcomes = new Set(['answered', 'handed-to-agent']);
const curedOutcomes = new Set(['paid', 'settled-by-plan']);

/**
 * A promise is counted as coming due (and, later, as kept) at noon UTC of its due date, not when it
 * is recorded: the kept-promise rate of a period then compares the promises due in it with those
 * of them that were kept, and noon keeps the date the same in every zone from UTC−11 to UTC+11.
 * A promise that is replaced or cancelled before its date still counts as due: a rollup cannot
 * take back what it counted, so the rate reads low rather than high.
 */
export function dueInstant(dueDate: unknown): number | undefined {
  if (typeof dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return undefined;
  const at = Date.parse(`${dueDate}T12:00:00Z`);
  return Number.isNaN(at) ? undefined : at;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** What a debtor workflow's audit entry adds to the collections facts. */
export function collectionFactsOf(event: AuditedEvent): CollectionFactsAt[] {
  const { data, occurredAt: at } = event;
  const now = (counts: CollectionCounts, channel = 'none'): CollectionFactsAt[] => [{ at, channel, counts }];
  switch (event.type) {
    case 'started':
      return now({ accountsAssigned: 1, assignedMinor: num(data.balanceMinor) });
    case 'contact-attempt':
      if (data.outcome === 'skipped-opted-out') return [];
      return now({ attempts: 1, ...(liveOutcomes.has(String(data.outcome)) ? { liveContacts: 1 } : {}) }, String(data.channel ?? 'none'));
    case 'call-outcome':
      return now(
        {
          ...(data.rightPartyVerified === true ? { rightPartyContacts: 1 } : {}),
          ...(data.escalatedTo !== undefined && data.escalatedTo !== null ? { handOffs: 1 } : {}),
          ...(data.answeredBy === 'human' ? { handledCalls: 1, handleSeconds: num(data.durationSeconds) } : {}),
        },
        'voice',
      );
    case 'promise-recorded': {
      const channel = data.source === 'call' ? 'voice' : 'none';
      const due = dueInstant(data.dueDate);
      return [...now({ promises: 1 }, channel), ...(due === undefined ? [] : [{ at: due, channel, counts: { promisesDue: 1 } }])];
    }
    case 'promise-kept': {
      const due = dueInstant(data.dueDate);
      return due === undefined ? [] : [{ at: due, channel: 'none', counts: { promisesKept: 1 } }];
    }
    case 'payment-received':
      return now({ collectedMinor: num(data.amountMinor) });
    case 'closed':
      return curedOutcomes.has(String(data.outcome)) ? now({ accountsCured: 1 }) : [];
    default:
      return [];
  }
}

/** What a respondent workflow's audit entry adds to the survey facts. */
export function surveyFactsOf(event: AuditedEvent): SurveyCounts | undefined {
  switch (event.type) {
    case 'started':
      return { invited: 1 };
    case 'survey-started':
      return { started: 1 };
    case 'survey-completed':
      return { completed: 1 };
    default:
      return undefined;
  }
}

/** A stored answer as the rollup reads it. */
export interface CountedAnswer {
  questionId: string;
  part: string;
  value: unknown;
  /** 0 for the respondent's first answer to the question; a question asked again counts once. */
  earlier: number;
}

/** What one stored answer adds: the question reached, and an NPS group for an NPS question. */
export function answerFactsOf(answer: CountedAnswer, questionType: string | undefined): SurveyCounts | undefined {
  if (answer.part !== 'answer' || answer.earlier !== 0) return undefined;
  const group = questionType === 'nps' ? npsGroup(answer.value) : undefined;
  return { answered: { [answer.questionId]: 1 }, ...(group ? { [group]: 1 } : {}) };
}
