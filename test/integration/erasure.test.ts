import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eventually, serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, runCli, yaml } from '../support/api-calls';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { daytimeZone } from '../../src/dev/demo';
import { callWorkflowIdFor } from '../../workflows/call/place-call';
import type { Role } from '../../src/auth/roles';
import { beginRespondent, demoSurvey, storeDemoSurvey } from '../support/respondent-fixtures';

// A person's erasure request against the real servers: a journey run to its end, then every
// collection read back for what must be gone and what must stay.

describe('erasing a person', () => {
  let stack: CollectionsStack;
  let url: string;
  const keys = {} as Record<Role, string>;
  const campaign = loadTestCampaign('fast-cadence.yaml');
  const survey = demoSurvey();
  const models = () => stack.service.mongo.models;

  beforeAll(async () => {
    stack = await startCollectionsStack('erasure');
    url = stack.service.httpUrl!;
    for (const role of ['auditor', 'agent', 'operator', 'admin'] as const) keys[role] = await apiKeyFor(stack.service, role, `erasure-${role}`);
    await storeCampaignVersion(models(), campaign, 1);
    await storeDemoSurvey(stack, survey);
  });
  afterAll(async () => stack?.stop());

  /** Every document of every collection, by collection. */
  async function everything(): Promise<Record<string, unknown[]>> {
    const db = stack.service.mongo.connection.db!;
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await db.collection(name).find({}).toArray()])));
  }

  const workflowEnded = (workflowId: string) =>
    eventually(`${workflowId} to end`, async () => ((await stack.service.gateway.personWorkflow(workflowId))?.running === false ? true : undefined), 30_000);

  it('when a debtor who paid on a call and then texted STOP is erased, then name, number and words are gone everywhere, the facts and the opt-out stay and still block the number, and the erasure is recorded', async () => {
    const phone = '+447700900871';
    stack.simulator.people.assign(phone, 'pays-on-the-call');
    const profile = debtorProfile('ERASE-1', phone, { fullName: 'Robin Diaz', firstName: 'Robin', birthYear: 1990, zip: 'SW1A 1AA', segmentData: { daysPastDue: 41 } });
    const workflowId = await startDebtor(models(), stack.service.gateway, campaign.id, 1, profile);
    const paid = await eventually('the debtor to pay on the call', async () => {
      const view = await stack.service.gateway.debtorState(workflowId);
      return view.status === 'paid' && view.attempts.length === 3 ? view : undefined;
    }, 60_000);
    await workflowEnded(workflowId);
    stack.simulator.people.sendSms(phone, 'STOP');
    await eventually('the opt-out', async () => ((await call(url, 'GET', `/contacts/${encodeURIComponent(phone)}/consent`)).body.permissions.smsOptedOut ? true : undefined));
    // This stack speaks through Twilio's <Say>; a clip as the speech activity stores one stands for SPEECH_ENGINE=local.
    const callWorkflowId = callWorkflowIdFor(workflowId, paid.attempts[2]!.attemptKey);
    await stack.service.mongo.repositories.speechClips.storeOnce({ key: `${callWorkflowId}/clip/1`, language: 'en', engine: 'local', contentType: 'audio/wav', audio: Buffer.from('RIFF Robin Diaz') });
    const before = await everything();
    expect(JSON.stringify(before.call_turns)).toContain('Robin Diaz');

    const erasure = `/campaigns/${campaign.id}/debtors/ERASE-1/erasure`;
    for (const role of ['auditor', 'agent', 'operator'] as const) {
      const refused = await call(url, 'POST', erasure, { reason: 'letter' }, bearer(keys[role]));
      expect({ role, status: refused.status, message: refused.body.message }).toEqual({ role, status: 403, message: expect.stringContaining('needs the admin role') });
    }
    expect((await call(url, 'POST', erasure, {}, bearer(keys.admin))).body).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('reason') });
    const erased = await call(url, 'POST', erasure, { reason: 'letter of 2026-11-02, ticket 4411' }, bearer(keys.admin));
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toContainEqual({ what: expect.stringContaining('name, phone number'), records: 1 });
    expect(erased.body.erased).toContainEqual({ what: expect.stringContaining('synthesized speech'), records: 1 });
    const why = Object.fromEntries((erased.body.kept as Array<{ what: string; why: string }>).map((k) => [k.what.split(/[:(,]/)[0].trim(), k.why]));
    expect(why).toMatchObject({
      'the fact of each contact': expect.stringContaining('12 CFR 1006.100'),
      "opt-outs and consent for the person's phone number": expect.stringContaining('must keep blocking the number'),
      'the Temporal workflow histories of the account and its calls': expect.stringContaining('not edited'),
    });

    const after = await everything();
    // Nothing names the person any more, but the ledger that keeps them from being contacted.
    for (const [collection, documents] of Object.entries(after)) {
      if (collection === 'consent_events') continue;
      const text = JSON.stringify(documents);
      for (const personal of ['Robin', 'Diaz', phone, phone.slice(1), 'SW1A']) expect({ collection, has: text.includes(personal) ? personal : null }).toEqual({ collection, has: null });
    }
    expect(after.debtors.find((d: any) => d.workflowId === workflowId)).toMatchObject({ fullName: '[erased]', phone: '[erased]', amountDueMinor: 12_500, balanceMinor: 0, status: 'paid', timeZone: 'America/New_York', erasedAt: expect.any(Date) });
    expect(after.debtors.find((d: any) => d.workflowId === workflowId)).not.toHaveProperty('birthYear');
    // The facts of each contact stay: when, channel, purpose, outcome.
    const attempts = (docs: Record<string, unknown[]>) => docs.contact_attempts.filter((a: any) => a.workflowId === workflowId).map((a: any) => [a.channel, a.purpose, a.state, a.providerSid, a.createdAt.getTime()]);
    expect(attempts(after)).toEqual(attempts(before));
    expect(attempts(after)).toHaveLength(3);
    // The person's words are gone; the service's own words stay with the name masked (Regulation F's three years).
    const turnsOf = (docs: Record<string, unknown[]>) => (docs.call_turns.filter((t: any) => t.callWorkflowId === callWorkflowId) as any[]).sort((a, b) => a.seq - b.seq);
    const turns = turnsOf(after);
    expect(turns.length).toBeGreaterThan(2);
    expect(turns.every((t) => t.heard === '' && t.digits === undefined)).toBe(true);
    expect(turns.map((t) => t.intent)).toEqual(turnsOf(before).map((t) => t.intent));
    expect(turns.some((t) => t.said.includes('[name]'))).toBe(true);
    expect(after.payments.filter((p: any) => p.workflowId === workflowId).map((p: any) => p.amountMinor)).toEqual([12_500]);
    expect(after.speech_clips).toEqual([]);
    // The audit log is append-only: not one entry changed.
    expect(after.audit_events).toEqual(before.audit_events);
    expect(after.consent_events.filter((e: any) => e.phone === phone).map((e: any) => e.kind)).toEqual(['opt-out']);
    expect(after.erasures).toEqual([
      expect.objectContaining({ subject: { kind: 'debtor', workflowId, groupId: campaign.id, ref: 'ERASE-1' }, requestedBy: 'key:erasure-admin', reason: 'letter of 2026-11-02, ticket 4411' }),
    ]);

    // The number is still blocked: the same person imported again gets no text.
    const textsTo = () => stack.simulator.store.listMessages({ to: phone }).filter((m) => m.from === serviceNumber).length;
    const textsBefore = textsTo();
    const again = await startDebtor(models(), stack.service.gateway, campaign.id, 1, debtorProfile('ERASE-1-AGAIN', phone));
    const skipped = await eventually('the new account to skip its text', async () => {
      const view = await stack.service.gateway.debtorState(again);
      return view.attempts.some((a) => a.channel === 'sms') ? view : undefined;
    });
    expect(skipped.attempts.find((a) => a.channel === 'sms')).toMatchObject({ outcome: 'skipped-opted-out' });
    expect(textsTo()).toBe(textsBefore);
  });

  it('when the debtor is still being contacted, then erasure is refused with 409 naming how to close the account; closed by an operator, `parley erase` erases it', async () => {
    const campaignId = `erase-running-${randomUUID().slice(0, 8)}`;
    const phone = '+12125550177';
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)), bearer(keys.admin))).status).toBe(201);
    const imported = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`accountRef,fullName,phone,timeZone,amountDue,dueDate\nR-1,Sam Running,${phone},${daytimeZone(Date.now())},80.00,2026-03-01\n`), bearer(keys.admin));
    expect(imported.body).toMatchObject({ started: 1 });

    const refused = await call(url, 'POST', `/campaigns/${campaignId}/debtors/R-1/erasure`, { reason: 'phone call of 2026-11-02' }, bearer(keys.admin));
    expect(refused).toMatchObject({ status: 409, body: { error: 'still_running', message: expect.stringMatching(/still running .* would go on contacting the person: close it first \(POST \/campaigns\/.*\/debtors\/R-1\/close/) } });
    expect(await models().debtors.findOne({ campaignId, accountRef: 'R-1' }).lean()).toMatchObject({ fullName: 'Sam Running', phone });
    expect(await models().erasures.countDocuments({ 'subject.groupId': campaignId })).toBe(0);

    expect((await call(url, 'POST', `/campaigns/${campaignId}/debtors/R-1/close`, { reason: 'the debtor asked to be forgotten' }, bearer(keys.operator))).status).toBe(200);
    await workflowEnded(`debtor/${campaignId}/R-1`);
    const cli = await runCli(['erase', 'debtor', campaignId, 'R-1', '--reason', 'phone call of 2026-11-02'], { PARLEY_API_URL: url, PARLEY_API_KEY: keys.admin });
    expect(cli).toMatchObject({ code: 0, stdout: expect.stringContaining(`erased debtor R-1 of ${campaignId}`) });
    expect(cli.stdout).toMatch(/kept:\n {2}- the fact of each contact.*\n {6}why: .*12 CFR 1006\.100/);
    expect(await models().debtors.findOne({ campaignId, accountRef: 'R-1' }).lean()).toMatchObject({ fullName: '[erased]', phone: '[erased]' });
    expect(await runCli(['erase', 'debtor', campaignId, 'R-1', '--reason', 'x'], { PARLEY_API_URL: url, PARLEY_API_KEY: keys.operator })).toMatchObject({ code: 2, stderr: expect.stringContaining('needs the admin role') });
  });

  it('when a respondent who told what went wrong in their own words is erased, then their number, name, hidden fields and words are gone and their scores still count; one still in the survey is refused', async () => {
    const unhappy = {
      description: 'Unhappy: tells in their own words what went wrong.',
      answers: 'nobody' as const,
      identity: { name: 'Avery Chen' },
      conversation: {
        rules: [
          { match: 'just to check', reply: 'yes' },
          { match: 'reply yes to start|take the .* survey', reply: 'yes sure' },
          { match: 'recommend', reply: 'maybe a three' },
          { match: 'how satisfied', reply: '2' },
          { match: 'main reason', reply: 'Courier Jamie Fox left my parcel at 12 Elm Street' },
          { match: 'what went wrong', reply: 'Jamie Fox was rude' },
          { match: 'problem solved', reply: 'no' },
          { match: 'still not working', reply: 'Jamie Fox still has my parcel' },
          { match: 'prefer to reach', reply: 'text is easiest' },
        ],
      },
      sms: { on: 'converse' as const, afterSeconds: 1 },
    };
    const zone = { timeZone: daytimeZone(Date.now()) };
    const silent = await beginRespondent(stack, survey, { respondentRef: 'ERASE-R-SILENT', phone: '+12025550392', persona: 'never-answers' }, zone);
    const running = await call(url, 'POST', `/surveys/${survey.id}/respondents/ERASE-R-SILENT/erasure`, { reason: 'email of 2026-11-03' }, bearer(keys.admin));
    expect(running).toMatchObject({ status: 409, body: { error: 'still_running', message: expect.stringContaining("the respondent's survey is still running") } });
    expect(await models().respondents.findOne({ workflowId: silent }).lean()).toMatchObject({ phone: '+12025550392' });

    const phone = '+12025550391';
    const workflowId = await beginRespondent(stack, survey, { respondentRef: 'ERASE-R-1', phone, persona: 'never-answers' }, zone);
    // Assigned before the first text is delivered: the simulated person answers it.
    stack.simulator.people.assign(phone, unhappy);
    const erasure = `/surveys/${survey.id}/respondents/ERASE-R-1/erasure`;
    // A detractor's survey waits for someone to follow up: an agent records it, and the survey ends.
    const taskId = await eventually('the follow-up task', async () => (await stack.service.gateway.respondents.state(workflowId)).followUp?.taskId, 30_000);
    const followedUp = await call(url, 'POST', `/surveys/${survey.id}/respondents/ERASE-R-1/follow-ups/${encodeURIComponent(taskId)}/resolution`, { notes: 'called back' }, bearer(keys.agent));
    expect(followedUp.status).toBe(200);
    await workflowEnded(workflowId);
    const answered = await stack.service.mongo.repositories.surveyAnswers.ofSurvey(survey.id, [workflowId]);
    expect(answered.filter((a) => a.part === 'probe' || a.questionId === 'what-went-wrong').map((a) => a.value)).toEqual([
      expect.stringContaining('Jamie Fox'),
      expect.stringContaining('Jamie Fox'),
      expect.stringContaining('Jamie Fox'),
    ]);
    const erased = await call(url, 'POST', erasure, { reason: 'email of 2026-11-03' }, bearer(keys.admin));
    expect(erased.status).toBe(200);
    expect(erased.body.kept.map((k: { what: string }) => k.what)).toContainEqual(expect.stringContaining('answers other than free text'));

    const after = await everything();
    for (const [collection, documents] of Object.entries(after)) {
      if (collection === 'consent_events') continue;
      const text = JSON.stringify(documents.filter((d: any) => JSON.stringify(d).includes(workflowId) || d.phone === phone));
      for (const personal of ['Avery', 'Jamie', 'Elm Street', 'A-1001', phone]) expect({ collection, has: text.includes(personal) ? personal : null }).toEqual({ collection, has: null });
    }
    const answers = await stack.service.mongo.repositories.surveyAnswers.ofSurvey(survey.id, [workflowId]);
    expect(answers.every((a) => a.utterance === '')).toBe(true);
    expect(Object.fromEntries(answers.filter((a) => a.part === 'answer').map((a) => [a.questionId, a.value]))).toMatchObject({ satisfaction: 2, 'what-went-wrong': null });
    expect(await models().respondents.findOne({ workflowId }).lean()).toMatchObject({ phone: '[erased]', hidden: {}, status: expect.any(String), erasedAt: expect.any(Date) });
  });
});
