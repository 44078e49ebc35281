import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi';
import { voiceWebhookPath, voiceWebhookUrl, voiceWebhooks, type VoiceWebhook } from '../../src/voice/voice-webhook-contract';

// The voice webhooks are written once: the URLs the call gives Twilio are read back by the same
// schemas the routes parse with, and the OpenAPI document describes exactly those schemas.

const base = 'https://parley.example.com';
const callId = 'collections/acct 17/call/first-call#2';
const readBack = (hook: VoiceWebhook, url: string) => voiceWebhooks[hook].query.parse(Object.fromEntries(new URL(url).searchParams));

describe('the voice webhook contract', () => {
  it('when a turn URL is given to Twilio, then its webhook reads back the same call, turn and language', () => {
    const url = voiceWebhookUrl(base, 'gather', { call: callId, turn: 3, lang: 'zh-CN' });
    expect(url.startsWith(`${base}/webhooks/twilio/voice/gather?`)).toBe(true);
    expect(readBack('gather', url)).toEqual({ call: callId, turn: 3, lang: 'zh-CN' });
  });

  it('when a parameter is left out, then it is not in the URL', () => {
    expect(voiceWebhookUrl(base, 'queue-wait', { call: 'c1', lang: undefined })).toBe(`${base}/webhooks/twilio/voice/queue-wait?call=c1`);
  });

  it('when Twilio posts fields the service does not read, then the form still parses', () => {
    const form = voiceWebhooks.status.form.parse({ CallSid: 'CA1', CallStatus: 'completed', AccountSid: 'AC1', From: '+12025550100' });
    expect(form).toEqual({ CallSid: 'CA1', CallStatus: 'completed' });
  });

  it('when /openapi.json is built, then every voice webhook has its contract query parameters and form fields', () => {
    type FormSchema = { properties: Record<string, unknown>; required: string[] };
    type Operation = {
      parameters: Array<{ name: string; in: string; required: boolean }>;
      requestBody: { content: Record<string, { schema: FormSchema }> };
      responses: object;
    };
    const paths = openApiDocument(base).paths as Record<string, { post: Operation }>;
    for (const [hook, spec] of Object.entries(voiceWebhooks)) {
      const operation = paths[voiceWebhookPath(hook as VoiceWebhook)]!.post;
      const query = operation.parameters.filter((p) => p.in === 'query');
      expect(query.map((p) => p.name)).toEqual(Object.keys(spec.query.shape));
      const form = operation.requestBody.content['application/x-www-form-urlencoded']!.schema;
      expect(Object.keys(form.properties)).toEqual(Object.keys(spec.form.shape));
      expect(form.required).toContain('CallSid');
      expect(Object.keys(operation.responses)).toContain('noContent' in spec ? '204' : '200');
    }
    const turn = paths['/webhooks/twilio/voice/gather']!.post.parameters.find((p) => p.name === 'turn');
    expect(turn).toMatchObject({ in: 'query', required: true, schema: { type: 'integer', minimum: 1 } });
  });
});
