import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { callInput, daytimeZone, personSaid, runCall, serviceSaid } from '../support/call-fixtures';
import { mentionsDebtDetail } from '../../src/dialog/debt-detail';
import type { PersonaInput } from '../../src/simulator';
import type { Campaign } from '../../src/campaigns/campaign-schema';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';

// Right-party verification against guessing, end to end: the real worker, FerretDB, the Twilio
// simulator and the service's voice webhooks, rule engine. A caller who lists years is asked for
// one answer; after the campaign's tries the call ends with nothing said about the debt, and the
// debtor's cadence goes on as after any call that reached nobody verified.

const MINI_MIRANDA = 'This is an attempt to collect a debt and any information obtained will be used for that purpose.';
const EVERY_YEAR = Array.from({ length: 2007 - 1940 + 1 }, (_, i) => String(1940 + i)).join(', ');

const GREETING = /^Hello, this is Sam Taylor calling\. May I please speak with /;
const ASK_YEAR = /what is your year of birth\?$/;
const ONE_ANSWER = /^Sorry, I can only take one answer, not several\. What is your year of birth\?/;
const ASK_ZIP = /what is your ZIP code\?$/;
const ZIP_AGAIN = /^Sorry, that doesn't match what I have\. Could you tell me your ZIP code again\?/;
const FAILED = "I'm sorry, I can't go on without confirming who I'm speaking with. Please call Sam Taylor at 1-800-555-0100. Goodbye.";

/** Confirms the name and the year, then reads `zip` digit by digit; says no to anything else. */
function zipCaller(name: string, yearOfBirth: number, zip: string): PersonaInput {
  return {
    description: `Confirms being ${name}, gives the year, then the ZIP code ${zip}`,
    answers: 'person',
    ringSeconds: 1,
    identity: { name, yearOfBirth, zip },
    conversation: {
      thinkSeconds: 0,
      rules: [
        { match: 'zip code', reply: '{{zip}}' },
        { match: 'year of birth', reply: '{{yearOfBirth}}' },
        { match: 'may i (please )?speak with', reply: 'Yes, this is {{name}}.' },
      ],
      otherwise: { say: 'Not now, thanks. Goodbye.', hangUp: true },
    },
  };
}

describe('identity verification on a call', () => {
  let stack: CollectionsStack;
  const campaign = loadTestCampaign('voice-test.yaml');
  const oneTry = loadTestCampaign('voice-test.yaml', (doc) => {
    doc.id = 'voice-one-try';
    doc.verification = { maxTries: 1 };
  });
  const zipCampaign = loadTestCampaign('voice-test.yaml', (doc) => {
    doc.id = 'voice-zip';
    doc.verification = { secondFactor: 'zip' };
  });
  // Workflow ids are business ids: a run of its own keeps this file's accounts apart from an earlier run's, still open on the shared server.
  const run = randomUUID().slice(0, 8);
  const debtor = (ref: string, phone: string, overrides: Partial<DebtorProfile> = {}) =>
    debtorProfile(`${ref}-${run}`, phone, { fullName: 'Jordan Lee', firstName: 'Jordan', birthYear: 1985, timeZone: daytimeZone(), ...overrides });
  const inCampaign = (c: Campaign, profile: DebtorProfile) => callInput(profile, { campaignId: c.id, debtorWorkflowId: `debtor/${c.id}/${profile.accountRef}` });

  function expectNoDebtDetail(said: string[], profile: DebtorProfile): void {
    const context = {
      account: { amountDueMinor: profile.amountDueMinor, currency: profile.currency, creditorName: campaign.name, dueDate: profile.dueDate },
      collector: { agentName: 'Sam Taylor', companyName: campaign.name, callbackNumber: '1-800-555-0100' },
    };
    for (const text of said) expect(mentionsDebtDetail(text, context)).toBe(false);
  }

  async function transcriptTo(phone: string) {
    await stack.simulator.settle();
    const calls = stack.simulator.store.listCalls({ to: phone });
    expect(calls).toHaveLength(1);
    return calls[0]!.transcript;
  }

  beforeAll(async () => {
    stack = await startCollectionsStack('voice-verification');
    for (const c of [campaign, oneTry, zipCampaign]) await storeCampaignVersion(stack.service.mongo.models, c, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when a caller answers with every year from 1940 to 2007, then they are asked for one answer, and after the second list the call ends unverified and the cadence goes on', async () => {
    const phone = '+12025557001';
    stack.simulator.people.assign(phone, 'year-guesser');
    const profile = debtor('guesser', phone);
    const workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, profile);

    const view = await eventually('the recorded call attempt', async () => {
      const v = await stack.service.gateway.debtorState(workflowId);
      return v.attempts.length > 0 ? v : undefined;
    });

    const transcript = await transcriptTo(phone);
    const said = serviceSaid(transcript);
    expect(said).toEqual([expect.stringMatching(GREETING), expect.stringMatching(ASK_YEAR), expect.stringMatching(ONE_ANSWER), FAILED]);
    expect(personSaid(transcript).filter((line) => line === EVERY_YEAR)).toHaveLength(2);
    expectNoDebtDetail(said, profile);
    // Answered, nobody verified: no conversation about the debt (Regulation F's 7 quiet days do not start), the next step stays planned.
    expect(view.attempts).toMatchObject([{ channel: 'voice', stepId: 'first-call', outcome: 'answered' }]);
    expect(view.conversations).toHaveLength(0);
    expect(view.status).toBe('contacting');
    expect(view.nextContact).toMatchObject({ stepId: 'reminder-text' });
    const stored = await eventually('the stored call', async () => {
      const record = await stack.service.mongo.models.calls.findOne({ debtorWorkflowId: workflowId }).lean();
      return record?.endedAt ? record : undefined;
    });
    expect(stored.outcome).toMatchObject({ answeredBy: 'human', rightPartyVerified: false, conversation: false });
  });

  it('when the campaign allows one try, then a single list of years ends the call', async () => {
    const phone = '+12025557002';
    stack.simulator.people.assign(phone, 'year-guesser');
    const profile = debtor('guesser-one-try', phone);

    const result = await runCall(stack, `call-test/guesser-one-try-${run}`, inCampaign(oneTry, profile));

    expect(result).toMatchObject({ answeredBy: 'human', rightPartyVerified: false, conversation: false });
    const said = serviceSaid(await transcriptTo(phone));
    expect(said).toEqual([expect.stringMatching(GREETING), expect.stringMatching(ASK_YEAR), FAILED]);
  });

  it('when the campaign asks for the ZIP code too and the caller reads it digit by digit, then the disclosure follows it', async () => {
    const phone = '+12025557003';
    stack.simulator.people.assign(phone, zipCaller('Jordan Lee', 1985, 'zero two one three four'));
    const profile = debtor('zip-right', phone, { zip: '02134' });

    const result = await runCall(stack, `call-test/zip-right-${run}`, inCampaign(zipCampaign, profile));

    expect(result).toMatchObject({ answeredBy: 'human', rightPartyVerified: true });
    const said = serviceSaid(await transcriptTo(phone));
    expect(said.slice(0, 4)).toEqual([
      expect.stringMatching(GREETING),
      expect.stringMatching(ASK_YEAR),
      expect.stringMatching(ASK_ZIP),
      expect.stringContaining(MINI_MIRANDA),
    ]);
    expectNoDebtDetail(said.slice(0, 3), profile);
  });

  it('when the campaign asks for the ZIP code and the caller gives the right year but a wrong ZIP code, then the call ends unverified', async () => {
    const phone = '+12025557004';
    stack.simulator.people.assign(phone, zipCaller('Jordan Lee', 1985, '02135'));
    const profile = debtor('zip-wrong', phone, { zip: '02134' });

    const result = await runCall(stack, `call-test/zip-wrong-${run}`, inCampaign(zipCampaign, profile));

    expect(result).toMatchObject({ answeredBy: 'human', rightPartyVerified: false, conversation: false });
    const said = serviceSaid(await transcriptTo(phone));
    expect(said).toEqual([expect.stringMatching(GREETING), expect.stringMatching(ASK_YEAR), expect.stringMatching(ASK_ZIP), expect.stringMatching(ZIP_AGAIN), FAILED]);
    expectNoDebtDetail(said, profile);
  });
});
