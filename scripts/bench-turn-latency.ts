// Benchmark of one call turn's orchestration overhead: a signed Twilio gather webhook through the
// real service (signature guard, redaction, the gateway's Update, the call workflow on a Temporal
// dev server, the turn record in FerretDB) and back as TwiML, with the rule engine as the dialog
// engine (it answers at once, so what is measured is the plumbing). Beside it, in the same run, a
// plain Fastify handler that parses the same form and returns the same TwiML.
//
//   npx tsx scripts/bench-turn-latency.ts [turns]     (default 200)
//
// Starts its own Temporal dev server, FerretDB and Twilio simulator on free ports and stops them.
// The simulator only takes the calls (the callee keeps ringing); the webhooks are sent from here.

// The load harness (`npm run load -- calls`) measures the same under many concurrent calls; this
// script and the harness share the turn driver, the baseline handler and the statistics (src/load).

import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../src/dev/child-process';
import { startFerretDb, startTemporalDevServer } from '../src/dev/local-servers';
import { startSimulatedService } from '../test/support/simulated-service';
import { parseCampaignDocument } from '../src/campaigns/campaign-document';
import { validateCampaign } from '../src/campaigns/campaign-validation';
import { plainTurnLatencies, startPlainTwimlHandler } from '../src/load/baseline';
import { summarize, type LatencySummary } from '../src/load/stats';
import { cooperativeLines as lines, signedPoster } from '../src/load/twilio-player';
import type { CallWorkflowInput } from '../workflows/call/call.messages';

const turnCount = Number(process.argv[2] ?? 200);

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  const stops: Array<() => Promise<unknown>> = [];
  const hardStop = setTimeout(() => {
    console.error('benchmark took over 5 minutes; giving up');
    process.exit(2);
  }, 300_000);
  try {
    const [temporal, mongo] = await Promise.all([
      freePort().then((port) => startTemporalDevServer({ port, logDir: scratch })),
      freePort().then((port) => startFerretDb({ port, stateDir: path.join(scratch, 'ferretdb'), logDir: scratch })),
    ]);
    stops.push(temporal.stop, mongo.stop);

    const { config, service, simulator, stop } = await startSimulatedService(
      {
        LOG_LEVEL: 'error',
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_TASK_QUEUE: 'bench-turns',
        MONGODB_URI: mongo.uri,
        MONGODB_DATABASE: 'bench_turns',
      },
      { overrides: { TWILIO_CALLS_PER_SECOND: '100' }, simulatorCallsPerSecond: 100, delayScale: 1 },
    );
    stops.unshift(stop);

    const campaign = validateCampaign(parseCampaignDocument(readFileSync(path.resolve(__dirname, '../test/fixtures/campaigns/voice-test.yaml'), 'utf8'), 'yaml'));
    if (!campaign.ok) throw new Error('the voice test campaign does not validate');
    await service.mongo.models.campaignVersions.create({ campaignId: campaign.campaign.id, version: 1, name: campaign.campaign.name, document: campaign.campaign, createdAt: new Date() });

    const signed = signedPoster(config.twilio.authToken!);
    const post = async (url: string, params: Record<string, string>) => {
      const answer = await signed(url, params);
      if (answer.status >= 400) throw new Error(`${url}: HTTP ${answer.status} ${answer.body}`);
      return answer;
    };

    // ---- The service: calls placed for real (the simulated callee keeps ringing), webhooks from here.
    const serviceMs: number[] = [];
    let sampleTwiml = '';
    const { gateway } = service;
    for (let call = 0; serviceMs.length < turnCount; call++) {
      const phone = `+1202556${String(1000 + call).padStart(4, '0')}`;
      simulator.people.assign(phone, { description: 'Lets it ring.', answers: 'nobody', ringSeconds: 600 });
      const workflowId = `bench/call/${call}`;
      const input: CallWorkflowInput = {
        attemptKey: `bench/${call}`,
        debtorWorkflowId: `bench/debtor/${call}`,
        campaignId: campaign.campaign.id,
        campaignVersion: 1,
        stepId: 'first-call',
        debtor: { accountRef: `bench-${call}`, fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985, phone, timeZone: 'Pacific/Kiritimati', language: 'en', currency: 'USD', amountDueMinor: 12_500, dueDate: '2026-11-01', segmentData: {}, artificialVoiceConsent: true },
        strategy: 'friendly-reminder',
        balanceMinor: 12_500,
        initialCommunication: true,
        voiceQueue: gateway.queues.voice,
      } as CallWorkflowInput;
      const handle = await gateway.client.workflow.start('callWorkflow', { workflowId, taskQueue: gateway.queues.main, args: [input], workflowExecutionTimeout: '5 minutes' });
      const placed = await waitFor(() => simulator.store.listCalls({ to: phone })[0]);
      const base = `${config.http.publicBaseUrl}/webhooks/twilio/voice`;
      const callQuery = `call=${encodeURIComponent(workflowId)}`;
      await post(`${base}/answer?${callQuery}`, { CallSid: placed.sid, AnsweredBy: 'human' });
      for (const [i, line] of lines.entries()) {
        if (serviceMs.length >= turnCount) break;
        const { ms, body } = await post(`${base}/gather?${callQuery}&turn=${i + 1}&lang=en`, { CallSid: placed.sid, SpeechResult: line, Confidence: '0.95' });
        if (body.includes('One moment')) throw new Error('a turn was not ready in CALL_TURN_WAIT_MS');
        serviceMs.push(ms);
        if (i === 0) sampleTwiml = body;
      }
      await handle.terminate('benchmark done with this call').catch(() => undefined);
    }

    // ---- The baseline: a plain Fastify handler, same form, same TwiML, one turn after another.
    const plain = await startPlainTwimlHandler(() => sampleTwiml);
    stops.unshift(() => plain.close());
    const b = await plainTurnLatencies(signed, plain.url, lines, turnCount);

    const s = summarize(serviceMs);
    const fmt = (x: number | null) => (x ?? 0).toFixed(2).padStart(8);
    console.log(`turns: ${s.n} through the service, ${b.n} through the plain handler (ms)`);
    console.log(`                      p50       p99      mean`);
    console.log(`service turn    ${fmt(s.p50)}  ${fmt(s.p99)}  ${fmt(s.mean)}`);
    console.log(`plain Fastify   ${fmt(b.p50)}  ${fmt(b.p99)}  ${fmt(b.mean)}`);
    console.log(`ratio           ${fmt(ratio(s, b, 'p50'))}x ${fmt(ratio(s, b, 'p99'))}x`);
  } finally {
    for (const stop of stops) await stop().catch((err: unknown) => console.error('stopping:', err));
    rmSync(scratch, { recursive: true, force: true });
    clearTimeout(hardStop);
  }
}

function ratio(service: LatencySummary, plain: LatencySummary, p: 'p50' | 'p99'): number {
  return (service[p] ?? 0) / (plain[p] || 1);
}

async function waitFor<T>(check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the simulator to take the call');
    await new Promise((r) => setTimeout(r, 10));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
