import type { JsonSchema } from './openapi-json-schema';

// The console's Live page's channel: server-sent events from the API process's live hub.

const events = [
  'A stream of server-sent events from this API process: first `snapshot` (calls in progress with their stage and redacted transcript,',
  'texts of the last minutes, hand-offs with their wait, the day\'s counters), then one `live` event per fact as webhooks arrive',
  '(call-started, call-answered, turn, stage, call-ended, text, hand-off; `id` is its sequence number), and a comment line as a heartbeat.',
  'An auditor\'s phone numbers are masked. Takes the console\'s cookie without its header (EventSource sends none): the route changes nothing.',
  'Each API process streams the webhooks it answered.',
].join(' ');

export const livePaths: Record<string, JsonSchema> = {
  '/console/live/events': {
    get: {
      summary: "The console's live channel (server-sent events)",
      description: events,
      tags: ['console'],
      responses: { 200: { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
    },
  },
};
