import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { typeScriptProcessArgs } from '../support/ts-process';

const workerScript = path.resolve(__dirname, '../fixtures/worker-process.ts');

/** The worker in one node process: a SIGKILL kills the worker itself, not a wrapper around it. */
function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, typeScriptProcessArgs(workerScript), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

/**
 * Stands between the worker and Twilio (the simulator) and, once, runs `onAccepted` after Twilio
 * has accepted a new message and before its answer reaches the worker.
 */
async function startTwilioTap(target: string, onAccepted: () => void): Promise<{ url: string; close(): Promise<void> }> {
  let tapped = false;
  const server = http.createServer((request, response) => {
    const upstream = http.request(new URL(request.url!, target), { method: request.method, headers: request.headers }, (answer) => {
      if (!tapped && request.method === 'POST' && request.url!.endsWith('/Messages.json') && answer.statusCode === 201) {
        tapped = true;
        onAccepted();
        response.destroy();
        answer.resume();
        return;
      }
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('sending a text exactly once', () => {
  let stack: CollectionsStack;
  const workers: ChildProcess[] = [];
  const campaign = loadTestCampaign('fast-cadence.yaml', (doc) => {
    doc.id = 'once-only';
    doc.cadence.steps = [doc.cadence.steps[0]];
  });

  beforeAll(async () => {
    stack = await startCollectionsStack('sms-idempotency', { worker: false });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await stack?.stop();
  });

  it('when the worker is killed after Twilio took the message but before the send was recorded, then the restarted worker sends nothing more', async () => {
    // A UK number, as the campaign is under UK law: a +1 number would be held to US calling hours.
    const phone = '+447911123478';
    stack.simulator.people.assign(phone, 'never-answers');
    let first: ChildProcess | undefined;
    let killed = false;
    // The moment Twilio has accepted the message, the worker that sent it dies, before it reads the answer.
    const tap = await startTwilioTap(stack.simulator.url, () => {
      killed = first!.kill('SIGKILL');
    });
    const env = { ...stack.env, TWILIO_API_BASE_URL: tap.url };
    first = await startWorkerProcess(env);
    workers.push(first);

    const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtorProfile('once-1', phone));
    await eventually('the first worker to be killed mid-send', async () => (killed ? true : undefined));
    const intent = await stack.service.mongo.models.contactAttempts.findOne({ workflowId }).lean();
    expect(intent?.state).toBe('intent');

    workers.push(await startWorkerProcess(env));
    const view = await eventually(
      'the retried send to finish',
      async () => {
        const v = await stack.service.gateway.debtorState(workflowId);
        return v.attempts.length === 1 ? v : undefined;
      },
      90_000,
    );

    const sent = stack.simulator.store.listMessages({ to: phone });
    expect(sent).toHaveLength(1);
    expect(view.attempts[0].providerSid).toBe(sent[0].sid);
    const attempt = await stack.service.mongo.models.contactAttempts.findOne({ workflowId }).lean();
    expect(attempt).toMatchObject({ state: 'sent', providerSid: sent[0].sid });
    await tap.close();
  }, 150_000);
});
