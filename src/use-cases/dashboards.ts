import { storedCounts } from '../adapters/mongo/repositories/kpi-rollup.repository';
import { addCollectionFacts, collectionKpis, noCollectionFacts, type CollectionFacts } from '../kpi/collection-kpis';
import { seriesOf } from '../kpi/dashboard-series';
import type { CollectionsDashboard, SurveysDashboard } from '../kpi/dashboard-views';
import { addSurveyFacts, noSurveyFacts, surveyKpis, type SurveyFacts } from '../kpi/survey-kpis';
import { localRange, type BucketSize } from '../kpi/time-buckets';
import { getSurvey } from './surveys';
import type { DashboardDimension } from './dashboard-dimensions';
import type { UseCaseDeps } from './use-case-deps';

// The dashboards: the KPI rollups of a date range, summed by day or week in a time zone and by a
// dimension, with the KPIs computed by their one definition (src/kpi). Reads only the hourly
// counters (hours × dimension combinations), never the events themselves.

export interface DashboardRange {
  /** Local dates (YYYY-MM-DD), both included. */
  from: string;
  to: string;
  timeZone: string;
  bucket: BucketSize;
}

interface RollupRow {
  campaignId: string;
  campaignVersion: number;
  hour: Date;
  strategy: string;
  segment: string;
  language: string;
  channel: string;
  counts?: unknown;
}

function groupOf(row: RollupRow, by: DashboardDimension): string {
  if (by === 'campaign') return row.campaignId;
  if (by === 'version') return `${row.campaignId} v${row.campaignVersion}`;
  return row[by];
}

const idsOf = (rows: RollupRow[]) => [...new Set(rows.map((r) => r.campaignId))].sort();

export async function collectionsDashboard(deps: UseCaseDeps, query: DashboardRange & { by: DashboardDimension; campaignId?: string }): Promise<CollectionsDashboard> {
  const rows = await deps.mongo.repositories.kpiRollups.inRange({ scope: 'collections', ...localRange(query.from, query.to, query.timeZone) });
  const chosen = query.campaignId === undefined ? rows : rows.filter((r) => r.campaignId === query.campaignId);
  const hours = chosen.map((row) => ({ hour: row.hour, group: groupOf(row, query.by), facts: storedCounts(row) as Partial<CollectionFacts> as CollectionFacts }));
  const series = seriesOf(hours, query, { empty: noCollectionFacts, add: addCollectionFacts, kpis: collectionKpis });
  return { by: query.by, campaignId: query.campaignId ?? null, campaignIds: idsOf(rows), ...series };
}

export async function surveysDashboard(deps: UseCaseDeps, query: DashboardRange & { surveyId?: string }): Promise<SurveysDashboard> {
  const rows = await deps.mongo.repositories.kpiRollups.inRange({ scope: 'survey', ...localRange(query.from, query.to, query.timeZone) });
  const surveyIds = idsOf(rows);
  const surveyId = query.surveyId ?? surveyIds[0];
  const questions = surveyId === undefined ? [] : (await getSurvey(deps, surveyId)).document.questions.map((q) => ({ id: q.id, text: q.text }));
  const order = questions.map((q) => q.id);
  const hours = rows.filter((r) => r.campaignId === surveyId).map((row) => ({ hour: row.hour, group: row.campaignId, facts: storedCounts(row) as Partial<SurveyFacts> as SurveyFacts }));
  const series = seriesOf(hours, query, { empty: noSurveyFacts, add: addSurveyFacts, kpis: (facts) => surveyKpis(facts, order) });
  return { surveyId: surveyId ?? null, surveyIds, questions, ...series };
}
