import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { debtorParams } from '../api-schemas';
import { parseRequest } from '../request-input';
import { maskedForAuditor } from '../access/auditor-view';
import { respondentParams } from './respondent.routes';
import { debtorTimeline, respondentTimeline } from '../../use-cases/timeline';
import type { Timeline } from '../../audit/timeline/timeline-entry';
import { timelineText } from '../../audit/timeline/timeline-text';
import { timelineHtml } from '../../audit/timeline/timeline-html';

const timelineFormats = ['json', 'text', 'html'] as const;
type TimelineFormat = (typeof timelineFormats)[number];

const moment = (cursor: string) => z.iso.datetime({ offset: true, message: `must be a moment in ISO 8601, like 2026-12-01T13:05:00.000Z (the \`${cursor}\` of the page before)` });

export const timelineQuery = z.strictObject({
  order: z.enum(['oldest', 'newest']).default('oldest').describe('oldest (default): in the order things happened, paged by `after`; newest: newest first, paged back by `before`'),
  after: moment('next').optional().describe('Entries that happened after this moment: the `next` of the page before (order=oldest)'),
  before: moment('older').optional().describe('Entries that happened before this moment: the `older` of the page before (order=newest)'),
  limit: z.coerce.number().int('must be a whole number').min(1).max(1000).default(200).describe('Entries per page (a page runs over it to keep the entries of one moment together)'),
  format: z.enum(timelineFormats).optional().describe('json (default), text, or html (a printable page); or ask by the Accept header'),
}).superRefine((query, ctx) => {
  const misplaced = query.order === 'newest' ? 'after' : 'before';
  if (query[misplaced] !== undefined) ctx.addIssue({ code: 'custom', path: [misplaced], message: `pages ${query.order} first, so its cursor is \`${misplaced === 'after' ? 'before' : 'after'}\`` });
});

const mediaTypes: Record<TimelineFormat, string> = { json: 'application/json', text: 'text/plain', html: 'text/html' };

/** The format the Accept header prefers (by its q values), JSON when it names none of the three. */
function acceptedFormat(accept: string | undefined): TimelineFormat {
  const ranked = (accept ?? '')
    .split(',')
    .map((part) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { format: timelineFormats.find((format) => mediaTypes[format] === type), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((choice): choice is { format: TimelineFormat; q: number } => choice.format !== undefined && choice.q > 0);
  return ranked.sort((a, b) => b.q - a.q)[0]?.format ?? 'json';
}

/**
 * JSON goes through the auditor's masked view like every answer; text and HTML are rendered
 * here, so they are masked here first.
 */
function answer(request: FastifyRequest, reply: FastifyReply, timeline: Timeline, format: TimelineFormat | undefined): Timeline | FastifyReply {
  const chosen = format ?? acceptedFormat(request.headers.accept);
  if (chosen === 'json') return timeline;
  const shown = request.principal?.role === 'auditor' ? (maskedForAuditor(timeline) as Timeline) : timeline;
  const more = (next: string) => `ask again with ?after=${encodeURIComponent(next)}`;
  if (chosen === 'text') return reply.type('text/plain; charset=utf-8').send(timelineText(shown, more));
  // Nothing on the page is fetched or run: its style is inline, and it has no script.
  reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  return reply.type('text/html; charset=utf-8').send(timelineHtml(shown, more));
}

/** One ordered account of everything done to a person and why, for auditors (any role reads it). */
export async function timelineRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const options = { serviceNumber: deps.config.twilio.fromNumber };
  app.get('/campaigns/:campaignId/debtors/:accountRef/timeline', async (request, reply) => {
    const query = parseRequest(timelineQuery, request.query);
    return answer(request, reply, await debtorTimeline(deps, parseRequest(debtorParams, request.params), query, options), query.format);
  });
  app.get('/surveys/:surveyId/respondents/:respondentRef/timeline', async (request, reply) => {
    const query = parseRequest(timelineQuery, request.query);
    return answer(request, reply, await respondentTimeline(deps, parseRequest(respondentParams, request.params), query, options), query.format);
  });
}
