import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioSimulator } from '../../src/simulator';
import { type WebhookReceiver, startReceiver, startTestSimulator } from './simulator-fixtures';

const PERSON = '+15551230001';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;

beforeAll(async () => {
  receiver = await startReceiver();
  simulator = await startTestSimulator(receiver, { webhookRepeat: 3 });
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

describe('Duplicate webhook delivery (webhookRepeat)', () => {
  it('When webhookRepeat is 3 and a person texts the service, then the SMS webhook arrives 3 times as one webhook', async () => {
    const message = simulator.people.sendSms(PERSON, 'Hello');
    await simulator.settle();

    const copies = receiver.received('/sms').filter((hook) => hook.params.MessageSid === message.sid);
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((hook) => hook.headers['i-twilio-idempotency-token'])).size).toBe(1);
    expect(copies.every((hook) => hook.params.Body === 'Hello')).toBe(true);
  });
});
