import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { parseRequest } from '../request-input';
import { isTimeZone } from '../../kpi/time-buckets';
import { collectionsDashboard, surveysDashboard } from '../../use-cases/dashboards';
import { dashboardDimensions } from '../../use-cases/dashboard-dimensions';

// The dashboards: KPIs over a date range by day or week, read from the hourly rollups.

/** A year and a day: a range as long as one year of days, whatever the year. */
const maxRangeDays = 366;
const dayMs = 86_400_000;

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'is not a calendar date');

const dashboardRange = {
  from: localDate.describe('First day, in `timeZone` (YYYY-MM-DD)'),
  to: localDate.describe('Last day, included, in `timeZone` (YYYY-MM-DD)'),
  timeZone: z.string().max(100).refine(isTimeZone, 'is not a time zone name (e.g. America/Chicago)').default('UTC').describe('IANA time zone the days and weeks are read in'),
  bucket: z.enum(['day', 'week']).default('day').describe('Figures per local day, or per ISO week (Monday first)'),
};

function checkRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / dayMs;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before from' });
  else if (days >= maxRangeDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `is more than ${maxRangeDays} days after from` });
}

const id = z.string().min(1).max(200);

export const collectionsDashboardQuery = z
  .strictObject({
    ...dashboardRange,
    by: z.enum(dashboardDimensions).default('campaign').describe('What the groups are: campaign, strategy, segment, language, channel (of the attempt) or campaign version'),
    campaignId: id.optional().describe("One campaign's figures only"),
  })
  .superRefine(checkRange);

export const surveysDashboardQuery = z
  .strictObject({ ...dashboardRange, surveyId: id.optional().describe('The survey; absent: the first with figures in the range') })
  .superRefine(checkRange);

export async function dashboardRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/dashboards/collections', async (request) => collectionsDashboard(deps, parseRequest(collectionsDashboardQuery, request.query)));
  app.get('/dashboards/surveys', async (request) => surveysDashboard(deps, parseRequest(surveysDashboardQuery, request.query)));
}
