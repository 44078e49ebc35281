import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { twilioSignature } from '../../src/simulator';
import { voiceWebhookUrl } from '../../src/voice/voice-webhook-contract';
import { callInput, daytimeZone } from '../support/call-fixtures';
import { debtorProfile, loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';

// A worker that is down (killed, restarting) cannot accept a call's Update; Twilio still hangs up
// on a webhook that has not answered in 15 s. The webhook must answer a holding prompt in
// CALL_TURN_WAIT_MS whatever the state of the workers, and get the call's answer once one is back.

const TURN_WAIT_MS = 800;
const HOLDING = 'One moment, please.';

describe('a voice webhook while no worker runs', () => {
  let stack: CollectionsStack;
  let worker: RunningService | undefined;

  beforeAll(async () => {
    stack = await startCollectionsStack('voice-turn-deadline', { worker: false, env: { CALL_TURN_WAIT_MS: String(TURN_WAIT_MS) } });
    await storeCampaignVersion(stack.service.mongo.models, loadTestCampaign('voice-test.yaml'), 1);
  });
  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
  });

  const post = async (url: string, params: Record<string, string>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(stack.config.twilio.authToken!, url, params) },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(14_000),
    });
    return { status: response.status, body: await response.text() };
  };
  const redirectIn = (twiml: string) => /<Redirect[^>]*>([^<]+)<\/Redirect>/.exec(twiml)?.[1]?.replace(/&amp;/g, '&');

  it("when the call is answered while no worker polls, then Twilio gets a holding prompt in time, and the call's own answer once a worker is back", async () => {
    const { gateway } = stack.service;
    const callWorkflowId = 'call-test/no-worker';
    const phone = '+12025550188';
    // The simulated phone rings on unanswered: the webhooks below are the only answer.
    stack.simulator.people.assign(phone, 'never-answers');
    const debtor = debtorProfile('acct-no-worker', phone, { timeZone: daytimeZone() });
    await gateway.client.workflow.start('callWorkflow', {
      workflowId: callWorkflowId,
      taskQueue: gateway.queues.main,
      args: [{ ...callInput(debtor), voiceQueue: gateway.queues.voice }],
      workflowExecutionTimeout: '2 minutes',
    });
    const base = stack.config.http.publicBaseUrl;
    const form = { CallSid: 'CA00000000000000000000000000000001', AnsweredBy: 'human' };

    const first = await post(voiceWebhookUrl(base, 'answer', { call: callWorkflowId }), form);
    expect(first.status).toBe(200);
    expect(first.body).toContain(HOLDING);
    const pendingUrl = redirectIn(first.body);
    expect(pendingUrl).toContain('/pending');

    // Still no worker: /pending holds again (silently) instead of hanging up.
    const again = await post(pendingUrl!, form);
    expect(again.status).toBe(200);
    expect(redirectIn(again.body)).toContain('/pending');
    expect(again.body).not.toContain('<Hangup');

    worker = await startService(stack.config, createLogger('warn', { pretty: false }), { api: false, worker: true });
    const callsOwnAnswer = await eventually(
      "the call's own answer through /pending",
      async () => {
        const answer = await post(pendingUrl!, form);
        return redirectIn(answer.body) === undefined ? answer.body : undefined;
      },
      60_000,
    );
    expect(callsOwnAnswer).toMatch(/^<\?xml[^>]*>\s*<Response>/);
    expect(callsOwnAnswer).not.toContain(HOLDING);
  });
});
