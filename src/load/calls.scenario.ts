import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { taskQueuesFor } from '../temporal/task-queues';
import type { CallWorkflowInput } from '../../workflows/call/call.messages';
import { plainTurnLatencies, startPlainTwimlHandler } from './baseline';
import { afternoonTimeZone, loadCampaignId, phoneFor } from './debtor-rows';
import { applyLoadCampaign, until } from './import-driver';
import { latencyRows, ms, startProgress, type ReportRow } from './report';
import { checkRows, faultsIfAsked, runChecks, type ScenarioContext, type ScenarioResult } from './scenario';
import { summarize } from './stats';
import { cooperativeLines, gatherActionOf, holdingRedirectOf, signedPoster, type SignedPost, type WebhookAnswer } from './twilio-player';
import { checkEndStates, workflowStatuses } from './workflow-states';
import { taskQueue } from './stack';
import { startLiveLag, type LiveLag } from './live-lag';

// `calls`: N calls live at once. Each is a real call workflow whose call the service places on the
// simulator (the callee keeps ringing); this process then plays Twilio for it: the answer webhook,
// one gather turn every ~turnEvery seconds with a cooperative caller's line, and the final status.
// Measured: each turn's latency from the POST to its TwiML, holding prompts (a turn not ready in
// CALL_TURN_WAIT_MS), 5xx answers; and beside it a plain handler at the same arrival rate. A
// console reader stays on the live channel throughout: each caller line's lag to it (live-lag.ts).

const maxTurns = 12;

interface TurnStats {
  latencies: number[];
  holding: number;
  errors: number;
  callsDone: number;
  sampleTwiml: string;
}

export async function callsScenario(context: ScenarioContext, calls: number, turnEverySeconds: number): Promise<ScenarioResult> {
  const { stack } = context;
  await applyLoadCampaign(stack);
  const post = signedPoster(stack.twilioAuthToken, context.faultPlan ? 3 : 1);
  const live = await startLiveLag(stack);
  const stats: TurnStats = { latencies: [], holding: 0, errors: 0, callsDone: 0, sampleTwiml: '' };
  const timeZone = afternoonTimeZone();

  const progress = startProgress('calls done', calls);
  const faults = faultsIfAsked(context);
  const tick = () => {
    const p95 = summarize(stats.latencies.slice(-2_000)).p95;
    progress.update(stats.callsDone, `turns ${stats.latencies.length} | recent p95 ${ms(p95)} | holding ${stats.holding} | 5xx ${stats.errors}`);
  };
  const timer = setInterval(tick, 500);
  const ids = Array.from({ length: calls }, (_, i) => `load/call/${i}`);
  const failures: string[] = [];
  await Promise.all(
    ids.map((id, i) =>
      oneCall(context, { post, live }, stats, id, i, timeZone, turnEverySeconds).catch((err: unknown) => {
        if (failures.length < 10) failures.push(`${id}: ${(err as Error).message}`);
      }),
    ),
  );
  clearInterval(timer);
  if (faults) await faults.finished;
  tick();
  progress.stop();

  const liveReport = await live.finish();
  const turns = summarize(stats.latencies);
  const rate = calls / turnEverySeconds;
  const plain = await startPlainTwimlHandler(() => stats.sampleTwiml);
  const baseline = await plainTurnLatencies(signedPoster(stack.twilioAuthToken), plain.url, cooperativeLines, Math.max(200, Math.min(2_000, Math.round(rate * 15))), rate);
  await plain.close();

  // Every call ended with its final status: its workflow should complete (give it a little while).
  let statuses = await workflowStatuses(stack.temporal, 'callWorkflow');
  for (let waited = 0; waited < 30_000 && ids.some((id) => statuses.get(id) !== 'COMPLETED'); waited += 1_000) {
    await sleep(1_000);
    statuses = await workflowStatuses(stack.temporal, 'callWorkflow');
  }
  const endStates = checkEndStates(ids, statuses, 'COMPLETED', () => true);
  const checks = runChecks(stack, endStates, faults);
  const table: ReportRow[] = [
    { section: 'calls', metric: 'concurrent calls', value: String(calls) },
    { section: 'calls', metric: 'one turn every', value: `~${turnEverySeconds} s` },
    { section: 'calls', metric: 'calls that ran to their end', value: `${stats.callsDone} of ${calls}` },
    ...latencyRows('turn latency (POST to TwiML)', 'turn', turns, baseline),
    { section: 'turn latency (POST to TwiML)', metric: 'holding prompts', value: String(stats.holding) },
    { section: 'turn latency (POST to TwiML)', metric: 'errors (5xx)', value: String(stats.errors) },
    { section: 'calls placed', metric: 'calls in the simulator ledger', value: String(stack.simulator.store.listCalls().length) },
    ...liveReport.rows,
    ...checkRows(checks),
  ];
  return {
    title: `calls: ${calls} concurrent calls, a turn every ~${turnEverySeconds} s${faults ? ', with faults' : ''}`,
    rows: table,
    summary: {
      calls,
      turnEverySeconds,
      callsDone: stats.callsDone,
      turnLatencyMs: turns,
      holdingPrompts: stats.holding,
      errors5xx: stats.errors,
      live: liveReport.summary,
      failures,
      baseline: { plainFastifyTurnMs: baseline, arrivalPerSecond: rate },
      checks,
    },
  };
}

async function oneCall(context: ScenarioContext, { post, live }: { post: SignedPost; live: LiveLag }, stats: TurnStats, workflowId: string, index: number, timeZone: string, turnEverySeconds: number): Promise<void> {
  const { stack } = context;
  const phone = phoneFor(index);
  // Nobody picks up on the simulator: the turns come from here. Its clock is slowed (see load.cli.ts)
  // so its ring timeout does not end the call while the turns go on.
  stack.simulator.people.assign(phone, { description: 'Lets it ring; the harness plays the call.', answers: 'nobody' });
  const input: CallWorkflowInput = {
    attemptKey: `load/${index}`,
    debtorWorkflowId: `load/debtor/${index}`,
    campaignId: loadCampaignId,
    campaignVersion: 1,
    stepId: 'first-call',
    debtor: { accountRef: `L-${index}`, fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985, phone, timeZone, language: 'en', currency: 'USD', amountDueMinor: 12_500, dueDate: '2026-11-01', segmentData: {}, artificialVoiceConsent: true },
    strategy: 'friendly-reminder',
    balanceMinor: 12_500,
    initialCommunication: true,
    voiceQueue: taskQueuesFor(taskQueue).voice,
  } as CallWorkflowInput;
  await startRetrying(() => stack.temporal.workflow.start('callWorkflow', { workflowId, taskQueue: taskQueuesFor(taskQueue).main, args: [input], workflowExecutionTimeout: '30 minutes' }));
  let callSid: string | undefined;
  if (!(await until(() => (callSid = stack.simulator.store.listCalls({ to: phone })[0]?.sid) !== undefined, context.timeoutMs))) {
    throw new Error('the service never placed the call');
  }
  const base = `${stack.apiUrl}/webhooks/twilio/voice`;
  const query = `call=${encodeURIComponent(workflowId)}`;
  // Spread the first turns over one period, as calls answered at different moments would be.
  await sleep(Math.random() * turnEverySeconds * 1000);
  const status = (CallStatus: string) => post(`${base}/status?${query}`, { CallSid: callSid!, CallStatus, CallDuration: '60' });
  await status('in-progress');
  let twiml = (await followHolding(post, stats, callSid!, await post(`${base}/answer?${query}`, { CallSid: callSid!, AnsweredBy: 'human' }), false)).body;
  for (let turn = 0; turn < maxTurns; turn++) {
    const action = gatherActionOf(twiml);
    if (!action) break;
    await sleep(turnEverySeconds * 1000 * (0.75 + Math.random() * 0.5));
    const line = cooperativeLines[Math.min(turn, cooperativeLines.length - 1)]!;
    live.posted(workflowId, Number(new URL(action).searchParams.get('turn')));
    const answer = await followHolding(post, stats, callSid!, await post(action, { CallSid: callSid!, SpeechResult: line, Confidence: '0.95' }), true);
    if (!stats.sampleTwiml && answer.status === 200) stats.sampleTwiml = answer.body;
    twiml = answer.body;
  }
  await status('completed');
  stats.callsDone++;
}

/** Counts the turn (when `timedTurn`) and follows holding prompts to /pending until the turn's TwiML comes, as Twilio would. */
async function followHolding(post: SignedPost, stats: TurnStats, callSid: string, first: WebhookAnswer, timedTurn: boolean): Promise<WebhookAnswer> {
  if (timedTurn) stats.latencies.push(first.ms);
  let answer = first;
  for (let redirects = 0; redirects < 5; redirects++) {
    if (answer.status >= 500) stats.errors++;
    const pending = holdingRedirectOf(answer.body);
    if (!pending) return answer;
    stats.holding++;
    answer = await post(pending, { CallSid: callSid });
  }
  return answer;
}

/** A fault run restarts the Temporal server under the starts: try again for a minute, as a caller would. */
async function startRetrying(start: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      return;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return;
      if (attempt >= 30) throw err;
      await sleep(2_000);
    }
  }
}

function sleep(msToWait: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msToWait));
}
