import { ratio } from './ratio';

// The survey KPIs, defined once (response = started ÷ invited, completion = finished ÷ started,
// drop-off at a question = reached it but not the next ÷ reached it, NPS = % promoters − %
// detractors), computed from counted facts.

export interface SurveyFacts {
  /** Respondents whose outreach began. */
  invited: number;
  /** Respondents who agreed to take the survey. */
  started: number;
  completed: number;
  /** Per question id: respondents who answered it (their first answer). */
  answered: Record<string, number>;
  /** Answers to NPS questions: 9–10 promoters, 7–8 passives, 0–6 detractors. */
  promoters: number;
  passives: number;
  detractors: number;
}

export interface QuestionDropOff {
  questionId: string;
  reached: number;
  droppedOff: number;
  dropOffRate: number | null;
}

export interface SurveyKpis {
  responseRate: number | null;
  completionRate: number | null;
  dropOff: QuestionDropOff[];
  /** −100 … 100; null without an NPS answer. */
  nps: number | null;
}

export const surveyCountNames = ['invited', 'started', 'completed', 'promoters', 'passives', 'detractors'] as const satisfies ReadonlyArray<keyof SurveyFacts>;

export function noSurveyFacts(): SurveyFacts {
  return { invited: 0, started: 0, completed: 0, answered: {}, promoters: 0, passives: 0, detractors: 0 };
}

/** Which NPS group a 0–10 score is in; undefined for anything else. */
export function npsGroup(score: unknown): 'promoters' | 'passives' | 'detractors' | undefined {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) return undefined;
  if (score >= 9) return 'promoters';
  return score >= 7 ? 'passives' : 'detractors';
}

/**
 * `questionIds` in the survey's order. A question counts as reached when it was answered, and the
 * one after the last is finishing the survey: with skip logic, a question a respondent was never
 * asked reads as a drop-off at the one before it (an approximation the rollups cannot avoid
 * without the path each respondent took).
 */
export function surveyKpis(facts: SurveyFacts, questionIds: readonly string[]): SurveyKpis {
  const reachedAt = (index: number) => (index < questionIds.length ? (facts.answered[questionIds[index]!] ?? 0) : facts.completed);
  const dropOff = questionIds.map((questionId, index) => {
    const reached = reachedAt(index);
    const droppedOff = Math.max(0, reached - reachedAt(index + 1));
    return { questionId, reached, droppedOff, dropOffRate: ratio(droppedOff, reached) };
  });
  const scored = facts.promoters + facts.passives + facts.detractors;
  const nps = ratio(facts.promoters - facts.detractors, scored);
  return {
    responseRate: ratio(facts.started, facts.invited),
    completionRate: ratio(facts.completed, facts.started),
    dropOff,
    nps: nps === null ? null : nps * 100,
  };
}

/** Adds `more` into `sum`, question by question. */
export function addSurveyFacts(sum: SurveyFacts, more: Partial<SurveyFacts>): void {
  for (const name of surveyCountNames) sum[name] += more[name] ?? 0;
  for (const [id, n] of Object.entries(more.answered ?? {})) sum.answered[id] = (sum.answered[id] ?? 0) + n;
}
