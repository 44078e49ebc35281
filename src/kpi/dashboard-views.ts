import type { CollectionFacts, CollectionKpis } from './collection-kpis';
import type { Series } from './dashboard-series';
import type { SurveyFacts, SurveyKpis } from './survey-kpis';

// What the dashboards API answers (GET /dashboards/collections and /dashboards/surveys), as the
// use case builds it and the console reads it.

export interface CollectionsDashboard extends Series<CollectionFacts, CollectionKpis> {
  by: string;
  campaignId: string | null;
  /** Every campaign with counts in the range, for choosing one. */
  campaignIds: string[];
}

export interface SurveysDashboard extends Series<SurveyFacts, SurveyKpis> {
  surveyId: string | null;
  /** Every survey with counts in the range, for choosing one. */
  surveyIds: string[];
  /** The survey's questions in order (its latest version), their wording per language: what drop-off is read along. */
  questions: Array<{ id: string; text: Record<string, string> }>;
}
