import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { twilioSignature } from '../../src/simulator/webhooks/signature';
import { startCollectionsStack, serviceNumber, type CollectionsStack } from '../support/collections-stack';
import { call } from '../support/api-calls';

// Twilio's status callbacks arrive late, out of order, or again: a stored status only moves forward.

describe('status callbacks', () => {
  let stack: CollectionsStack;

  beforeAll(async () => {
    stack = await startCollectionsStack('status-callbacks', { worker: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A contact attempt Twilio took, as the contact activities record it. */
  async function sentAttempt(channel: 'sms' | 'voice', providerStatus: string) {
    const attemptKey = `status-test/${randomUUID()}`;
    const providerSid = `${channel === 'sms' ? 'SM' : 'CA'}${randomUUID().replace(/-/g, '')}`;
    const { contactAttempts } = stack.service.mongo.repositories;
    await contactAttempts.claim({ attemptKey, workflowId: 'status-test', campaignId: 'status-test', campaignVersion: 1, stepId: 'first', channel, to: '+12025550199', purpose: 'test' });
    await contactAttempts.settle(attemptKey, { state: 'sent', providerSid, providerStatus });
    return { attemptKey, providerSid };
  }

  /** Posts a callback signed as Twilio signs it. */
  async function callback(path: string, form: Record<string, string>) {
    const url = `${stack.config.http.publicBaseUrl}${path}`;
    const signature = twilioSignature(stack.config.twilio.authToken!, url, form);
    const response = await call(stack.service.httpUrl!, 'POST', path, { type: 'application/x-www-form-urlencoded', content: new URLSearchParams(form).toString() }, { 'x-twilio-signature': signature });
    expect(response.status).toBeLessThan(300);
  }

  const storedStatus = async (attemptKey: string) => (await stack.service.mongo.models.contactAttempts.findOne({ attemptKey }).lean())?.providerStatus;

  it('when a text was delivered and an earlier "sent" callback arrives again, then the text stays delivered', async () => {
    const { attemptKey, providerSid } = await sentAttempt('sms', 'queued');
    const smsStatus = (status: string) =>
      callback(`/webhooks/twilio/sms-status?workflowId=status-test&attemptKey=${encodeURIComponent(attemptKey)}`, { MessageSid: providerSid, MessageStatus: status, From: serviceNumber });

    await smsStatus('sent');
    expect(await storedStatus(attemptKey)).toBe('sent');
    await smsStatus('delivered');
    await smsStatus('sent');
    await smsStatus('queued');
    expect(await storedStatus(attemptKey)).toBe('delivered');
    // A second outcome of the same rank does not replace the first.
    await smsStatus('undelivered');
    expect(await storedStatus(attemptKey)).toBe('delivered');
  });

  it('when a call completed and a late "ringing" callback arrives, then the call stays completed', async () => {
    const { attemptKey, providerSid } = await sentAttempt('voice', 'queued');
    const callStatus = (status: string) => callback(`/webhooks/twilio/voice/status?call=status-test/call/${providerSid}`, { CallSid: providerSid, CallStatus: status });

    await callStatus('ringing');
    expect(await storedStatus(attemptKey)).toBe('ringing');
    await callStatus('completed');
    await callStatus('ringing');
    await callStatus('in-progress');
    expect(await storedStatus(attemptKey)).toBe('completed');
  });
});
