import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, yaml } from '../support/api-calls';
import { daytimeZone, verifiedCaller } from '../support/call-fixtures';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from '../support/scripted-openai-server';
import { freePort } from '../../src/dev/child-process';
import { temporalWorkerMetricNames } from '../../src/metrics/temporal-runtime-metrics';

// What the on-call engineer's Prometheus scrapes, end to end: the real worker and API, FerretDB,
// the Twilio simulator calling the service's signed webhooks, and an LLM whose every answer is
// malformed (so each call turn falls back to the rule engine, as when a model misbehaves).

const QUEUE = 'collections-agents';

/** The value of the first series of `name` whose labels include `labels` (0 when there is none yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => own[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('metrics for the on-call engineer', () => {
  let stack: CollectionsStack;
  let llm: ScriptedOpenAiServer;
  const campaign = loadTestCampaign('voice-test.yaml', (doc) => {
    doc.id = 'metrics-voice-test';
    delete doc.voice.agentNumber;
    doc.voice.agentQueue = QUEUE;
  });

  const metrics = async () => {
    const response = await call(stack.service.httpUrl!, 'GET', '/metrics');
    expect(response.status).toBe(200);
    return response.body as string;
  };
  /** Polls /metrics until `done` holds of its text. */
  const metricsWhen = (what: string, done: (text: string) => boolean) =>
    eventually(what, async () => {
      const text = await metrics();
      return done(text) ? text : undefined;
    });

  beforeAll(async () => {
    llm = await startScriptedOpenAiServer({ model: 'parley-test-model', script: () => ({ content: 'not a turn decision' }) });
    stack = await startCollectionsStack('metrics', {
      env: {
        OPENAI_API_KEY: 'test',
        OPENAI_BASE_URL: llm.baseUrl,
        OPENAI_MODEL: 'parley-test-model',
        METRICS_PORT: '0',
        TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
      },
    });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await llm?.close();
  });

  it('when /metrics is asked without a key, then it is refused; with an auditor key, or on METRICS_PORT, it answers', async () => {
    const url = stack.service.httpUrl!;
    expect((await call(url, 'GET', '/metrics', undefined, { authorization: '' })).status).toBe(401);
    const auditor = await apiKeyFor(stack.service, 'auditor');
    const read = await call(url, 'GET', '/metrics', undefined, bearer(auditor));
    expect(read.status).toBe(200);
    expect(read.body).toContain('# TYPE parley_webhook_duration_seconds histogram');
    const plain = await fetch(stack.service.metricsUrl!);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain('# TYPE parley_texts_sent_total counter');
  });

  it('when a debtor is texted and texts back, then the text counters, the workflow starts and the webhook and activity timings move', async () => {
    const url = stack.service.httpUrl!;
    const campaignId = `metrics-${randomUUID().slice(0, 8)}`;
    const phone = '+12125550177';
    const before = await metrics();
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
    await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`accountRef,fullName,phone,timeZone,amountDue,dueDate\nM-1,Mia Stone,${phone},${daytimeZone()},80.00,2026-03-01\n`));
    await eventually('the first text', async () => (stack.simulator.store.listMessages({ to: phone }).some((m) => m.from === serviceNumber) ? true : undefined));
    stack.simulator.people.sendSms(phone, 'HELP');

    const webhook = { route: '/webhooks/twilio/sms', status: '200' };
    // The webhook's duration is observed once its response has gone out, a moment after the text is counted.
    const after = await metricsWhen('the inbound text, its webhook timing and its delivery report', (text) =>
      sample(text, 'parley_texts_received_total') > sample(before, 'parley_texts_received_total') &&
      sample(text, 'parley_webhook_duration_seconds_count', webhook) > sample(before, 'parley_webhook_duration_seconds_count', webhook) &&
      sample(text, 'parley_text_deliveries_total', { status: 'delivered' }) > sample(before, 'parley_text_deliveries_total', { status: 'delivered' }),
    );
    expect(sample(after, 'parley_texts_sent_total', { result: 'sent' })).toBeGreaterThan(sample(before, 'parley_texts_sent_total', { result: 'sent' }));
    expect(sample(after, 'parley_workflow_starts_total', { workflow_type: 'debtorWorkflow' })).toBeGreaterThan(sample(before, 'parley_workflow_starts_total', { workflow_type: 'debtorWorkflow' }));
    expect(sample(after, 'parley_webhook_duration_seconds_count', webhook)).toBeGreaterThan(sample(before, 'parley_webhook_duration_seconds_count', webhook));
    expect(sample(after, 'parley_webhook_duration_seconds_bucket', { ...webhook, le: '+Inf' })).toBe(sample(after, 'parley_webhook_duration_seconds_count', webhook));
    expect(sample(after, 'parley_activity_duration_seconds_count', { outcome: 'completed' })).toBeGreaterThan(0);
  });

  it('when a call is handed to an agents\' queue, then the call, turn, fallback and hand-off metrics and the Temporal worker\'s own move', async () => {
    const phone = '+12025556111';
    stack.simulator.agents.set(QUEUE, { outcome: 'answer', ringSeconds: 5 });
    stack.simulator.people.assign(phone, verifiedCaller('Rowan Ellis', 1968, 'Can I talk to a real person, please?'));
    const debtor = debtorProfile('metrics-queue', phone, { fullName: 'Rowan Ellis', firstName: 'Rowan', birthYear: 1968, timeZone: daytimeZone() });
    await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtor);

    const text = await metricsWhen('the ended call and its hand-off', (t) => sample(t, 'parley_call_outcomes_total', { status: 'completed' }) > 0 && sample(t, 'parley_handoffs_total') > 0);
    expect(sample(text, 'parley_calls_placed_total', { result: 'placed' })).toBe(1);
    expect(sample(text, 'parley_call_outcomes_total', { status: 'completed', answered_by: 'human' })).toBe(1);
    expect(sample(text, 'parley_handoffs_total', { result: 'completed' })).toBe(1);
    // The simulated agent picked up 5 s into the queue: Twilio's QueueTime on the <Enqueue> action.
    expect(sample(text, 'parley_handoff_queue_wait_seconds_count', { result: 'completed' })).toBe(1);
    expect(sample(text, 'parley_handoff_queue_wait_seconds_sum', { result: 'completed' })).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'parley_webhook_duration_seconds_count', { route: '/webhooks/twilio/voice/gather' })).toBeGreaterThan(0);
    // placeCall returns at once and completes when Twilio's final status callback arrives.
    expect(sample(text, 'parley_activity_duration_seconds_count', { activity_type: 'placeCall', outcome: 'async' })).toBe(1);

    // Every LLM answer was malformed: each turn was the rule engine's, and says why.
    const turns = await eventually('the stored turns in the metrics', async () => {
      const t = await metrics();
      return sample(t, 'parley_call_turn_duration_seconds_count', { engine: 'rules-fallback' }) > 0 ? t : undefined;
    });
    expect(sample(turns, 'parley_call_turn_duration_seconds_count', { engine: 'llm' })).toBe(0);
    expect(sample(turns, 'parley_llm_fallbacks_total', { reason: 'malformed-turn' })).toBe(sample(turns, 'parley_call_turn_duration_seconds_count', { engine: 'rules-fallback' }));

    // The SDK's runtime serves a metric once it has something to count (a workflow completed, say).
    const unserved = (t: string) => temporalWorkerMetricNames.filter((name) => !t.includes(`\n# TYPE ${name} `));
    await metricsWhen(`the Temporal worker's metrics (${unserved(turns).join(', ')} missing at first)`, (t) => unserved(t).length === 0);
  });
});
