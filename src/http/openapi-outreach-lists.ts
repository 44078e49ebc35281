import { campaignParams } from './api-schemas';
import { common, failure, ok, parameters, ref, text, type JsonSchema } from './openapi-json-schema';
import { outreachListQuery, versionDiffQuery, versionHistoryQuery } from './routes/outreach-lists.routes';
import { surveyParams } from './routes/survey.routes';

// The lists of campaigns and surveys, each one's version history, the diff between two of its
// versions, and how far its latest broadcasts got: what the console's Campaigns and Surveys
// pages read (src/http/routes/outreach-lists.routes.ts).

const instant = { type: 'string', format: 'date-time' };
const people = {
  type: 'object',
  required: ['total', 'running'],
  properties: { total: { type: 'integer', description: 'Everyone imported' }, running: { type: 'integer', description: 'Those whose workflow has not ended: whom a pause or resume goes to' } },
};

const listPage = (what: string): JsonSchema => ({
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'latestVersion', 'paused', 'updatedAt', 'people'],
        properties: { id: text, name: { ...text, description: "The latest version's name" }, latestVersion: { type: 'integer' }, paused: { type: 'boolean' }, updatedAt: instant, people },
      },
    },
    next: { ...text, description: `The \`after\` of the next page of ${what}s; absent on the last page` },
  },
});

const history: JsonSchema = {
  type: 'object',
  required: ['id', 'latestVersion', 'versions'],
  properties: {
    id: text,
    latestVersion: { type: 'integer' },
    versions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'name', 'createdAt'],
        properties: { version: { type: 'integer' }, name: text, createdAt: instant, appliedBy: { ...text, description: "Who applied it: an API key's name or a token's subject; absent on versions from before keys" } },
      },
    },
    next: { type: 'integer', description: 'The `before` of the next (older) page; absent on the last page' },
  },
};

const diff: JsonSchema = {
  type: 'object',
  required: ['id', 'from', 'to', 'changes'],
  properties: {
    id: text,
    from: { type: 'integer' },
    to: { type: 'integer' },
    changes: {
      type: 'array',
      description: "Each leaf that differs, in document order; lists are compared position by position; '(document)' when the documents differ at the top",
      items: {
        type: 'object',
        required: ['path', 'change'],
        properties: {
          path: { ...text, description: 'Like cadence.steps[2].channel, or templates["first reminder"]' },
          change: { enum: ['added', 'removed', 'changed'] },
          before: { description: 'The value in `from` (absent when added)' },
          after: { description: 'The value in `to` (absent when removed)' },
        },
      },
    },
  },
};

const broadcasts = (who: string): JsonSchema => ({
  type: 'object',
  required: ['id', 'paused', 'people'],
  properties: {
    id: text,
    paused: { type: 'boolean' },
    people: { ...people, description: `The ${who}` },
    broadcasts: {
      type: 'object',
      description: 'The latest pause/resume broadcast and the latest version broadcast, if any ran; absent while Temporal cannot be asked',
      properties: { pause: ref('BroadcastProgress'), version: ref('BroadcastProgress') },
    },
  },
});

function pathsOf(what: 'campaign' | 'survey', params: typeof campaignParams | typeof surveyParams, who: string): Record<string, JsonSchema> {
  const tags = [`${what}s`];
  const one = `/${what}s/{${what}Id}`;
  const notFound = failure(`No such ${what} (or the id is the other kind's)`);
  return {
    [`/${what}s`]: {
      get: { summary: `The ${what}s, in id order, with their state and how many ${who} each has`, tags, parameters: parameters(outreachListQuery, 'query'), responses: { 200: ok(`A page of ${what}s`, listPage(what)), 400: common[400] } },
    },
    [`${one}/versions`]: {
      get: {
        summary: `The ${what}'s versions, newest first: when each was applied and by whom`,
        tags,
        parameters: [...parameters(params, 'path'), ...parameters(versionHistoryQuery, 'query')],
        responses: { 200: ok('A page of versions', history), 400: common[400], 404: notFound },
      },
    },
    [`${one}/versions/diff`]: {
      get: {
        summary: `What changed between two versions of the ${what}, path by path, with the old and new values`,
        tags,
        parameters: [...parameters(params, 'path'), ...parameters(versionDiffQuery, 'query')],
        responses: { 200: ok('The changes from `from` to `to`', diff), 400: common[400], 404: failure(`No such ${what}, or no such version (\`details\` names from or to)`) },
      },
    },
    [`${one}/broadcasts`]: {
      get: {
        summary: `Whether the ${what} is paused, how many ${who} it has running, and how far its latest pause/resume and version broadcasts got`,
        tags,
        parameters: parameters(params, 'path'),
        responses: { 200: ok('The state and the broadcasts', broadcasts(who)), 400: common[400], 404: notFound },
      },
    },
  };
}

const outreachListPaths = { ...pathsOf('campaign', campaignParams, 'debtors'), ...pathsOf('survey', surveyParams, 'respondents') };

/** The document's paths with these added: /campaigns and /surveys already hold the PUT that applies a document. */
export function withOutreachLists(paths: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const merged = { ...paths };
  for (const [path, operations] of Object.entries(outreachListPaths)) merged[path] = { ...merged[path], ...operations };
  return merged;
}
