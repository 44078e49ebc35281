import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call } from '../support/api-calls';

// Consent is the consumer's to give: an operator cannot lift a STOP on their word alone.

describe('the consent ledger over HTTP', () => {
  let stack: CollectionsStack;
  let url: string;

  beforeAll(async () => {
    stack = await startCollectionsStack('consent-api', { worker: false });
    url = stack.service.httpUrl!;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const consentOf = (phone: string) => `/contacts/${encodeURIComponent(phone)}/consent`;

  async function textsStop(phone: string) {
    stack.simulator.people.sendSms(phone, 'STOP');
    await stack.simulator.settle();
    expect((await call(url, 'GET', consentOf(phone))).body.permissions).toMatchObject({ smsOptedOut: true });
  }

  it('when a consumer texted STOP and an operator opts the number back in without evidence, then it answers 409 naming evidenceRef and the STOP holds', async () => {
    const phone = '+12025550171';
    await textsStop(phone);

    const refused = await call(url, 'POST', consentOf(phone), { kind: 'opt-in', channel: 'all', source: 'agent:jlee says they want texts again' });

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'consent_evidence_required',
      message: expect.stringMatching(/opted out of texts, and an operator cannot give that back: only the consumer can/),
      details: [{ path: 'evidenceRef' }],
    });
    expect((await call(url, 'GET', consentOf(phone))).body.permissions).toMatchObject({ smsOptedOut: true });
  });

  it("when the opt-in carries evidence of the consumer's own consent, then it is recorded and texts are allowed again", async () => {
    const phone = '+12025550172';
    await textsStop(phone);

    const entry = await call(url, 'POST', consentOf(phone), { kind: 'opt-in', channel: 'sms', source: 'agent:jlee', evidenceRef: 'signed-form/2026-11-30/0042' });

    expect(entry.status).toBe(201);
    expect(entry.body.permissions).toMatchObject({ smsOptedOut: false });
    const ledger = await call(url, 'GET', consentOf(phone));
    expect(ledger.body.events.at(-1)).toMatchObject({ kind: 'opt-in', source: expect.stringMatching(/^operator:key:[^:]+: agent:jlee$/), evidenceRef: 'signed-form/2026-11-30/0042' });
  });

  it('when an operator entry without evidence is in the ledger after a STOP anyway, then it lifts nothing', async () => {
    const phone = '+12025550173';
    await textsStop(phone);
    await stack.service.mongo.repositories.consent.record({ eventKey: 'operator:written-around-the-api', phone, kind: 'opt-in', channel: 'all', source: 'operator:import script' });

    expect((await call(url, 'GET', consentOf(phone))).body.permissions).toMatchObject({ smsOptedOut: true });
  });

  it('when a number revoked artificial-voice consent, then an operator cannot give it back without evidence, and with no opt-out to lift an opt-in needs none', async () => {
    const phone = '+12025550174';
    expect((await call(url, 'POST', consentOf(phone), { kind: 'artificial-voice-revoked', channel: 'voice', source: 'call:c1' })).status).toBe(201);

    const refused = await call(url, 'POST', consentOf(phone), { kind: 'artificial-voice-consent', channel: 'voice', source: 'agent:jlee' });
    const optIn = await call(url, 'POST', consentOf(phone), { kind: 'opt-in', channel: 'sms', source: 'agent:jlee' });

    expect(refused).toMatchObject({ status: 409, body: { message: expect.stringMatching(/revoked its consent to artificial-voice calls/) } });
    expect(optIn.status).toBe(201);
  });
});
