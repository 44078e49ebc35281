import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { advanceBy, advanceUntil, debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { beginRespondent, demoSurvey, readRespondent, storeDemoSurvey } from '../support/respondent-fixtures';
import { apiKeyFor, bearer, call, runCli } from '../support/api-calls';
import type { Timeline, TimelineEntry } from '../../src/audit/timeline/timeline-entry';

// An auditor's timeline of one debtor's scripted journey, with real durations on the time-skipping
// server: a first text at 09:00, seven calls in a day (one a retry after its backoff), an eighth
// call the Regulation F count defers by a week, a text held by the campaign's pause and made once
// the campaign resumes. Then the same through the text and HTML formats, an auditor's key, the
// CLI, and a survey respondent's timeline.

const zone = 'America/New_York';
const phone = '+12025550177';
const accountRef = 'timeline-1';
const pausedBy = 'key:ops-lead';

describe('the audit timeline', () => {
  let env: TestWorkflowEnvironment;
  let stack: CollectionsStack;
  let url: string;
  let timeline: Timeline;
  let firstDay: DateTime;
  const models = () => stack.service.mongo.models;
  const local = (entry: TimelineEntry) => DateTime.fromISO(entry.at, { zone });
  const timelinePath = `/campaigns/timeline-journey/debtors/${accountRef}/timeline`;

  const campaign = (secondsToNine: number) =>
    loadTestCampaign('cadence-test.yaml', (doc) => {
      doc.id = 'timeline-journey';
      doc.name = 'Test <Collections> & Co';
      const call = (id: string, retry: object = { maxRetries: 0 }) => ({ id, channel: 'voice', delay: { after: 'previous', duration: 'PT1H' }, script: 'call-script', retry });
      doc.cadence.steps = [
        { id: 'first-text', channel: 'sms', delay: { after: 'start', duration: `PT${secondsToNine}S` }, template: 'first-notice' },
        call('call-1', { maxRetries: 1, initialInterval: 'PT2H', backoffCoefficient: 2, maximumInterval: 'PT4H' }),
        ...['call-2', 'call-3', 'call-4', 'call-5', 'call-6', 'call-7'].map((id) => call(id)),
        { id: 'last-text', channel: 'sms', delay: { after: 'previous', duration: 'PT1H' }, template: 'reminder' },
      ];
      doc.cadence.limits = { maxAttemptsPerChannel: { sms: 5, voice: 10 }, maxAttemptsTotal: 15 };
    });

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCollectionsStack('audit-timeline', { temporalAddress: env.address });
    url = stack.service.httpUrl!;

    // The journey starts at the next 09:00 in the debtor's zone, so every time below is known.
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone });
    let nine = now.set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
    if (nine <= now.plus({ minutes: 5 })) nine = nine.plus({ days: 1 });
    firstDay = nine.startOf('day');
    await storeCampaignVersion(models(), campaign(Math.ceil(nine.diff(now, 'seconds').seconds)), 1);
    stack.simulator.people.assign(phone, 'never-answers');
    const workflowId = await startDebtor(models(), stack.service.gateway, 'timeline-journey', 1, debtorProfile(accountRef, phone));

    await advanceUntil(env, stack, workflowId, (v) => v.attempts.length === 9, { what: 'the eighth call' });
    // As the API's campaign pause does first; its broadcast, which would pause the account itself, has not come.
    await stack.service.mongo.repositories.campaigns.setPaused('timeline-journey', true, pausedBy);
    await advanceUntil(env, stack, workflowId, (v) => v.nextContact?.reason === 'held: the campaign is paused', { what: 'the held text' });
    await advanceBy(env, stack, workflowId, 3 * 3_600_000);
    await stack.service.mongo.repositories.campaigns.setPaused('timeline-journey', false);
    await advanceUntil(env, stack, workflowId, (v) => v.outcome !== undefined, { what: 'the end of the cadence' });

    const response = await call(url, 'GET', timelinePath);
    expect(response.status).toBe(200);
    timeline = response.body as Timeline;
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  it('when the journey is read, then every attempt and every deferral is listed in order, at its local and UTC time, with the rule that set its time', () => {
    const day = (n: number) => firstDay.plus({ days: n }).toISODate();
    const contacts = timeline.entries.filter((e) => ['contact-attempt', 'contact-deferred', 'contact-held'].includes(e.kind));
    expect(contacts.map((e) => `${e.kind} ${e.details.stepId} ${local(e).toFormat('yyyy-MM-dd HH:mm')}`)).toEqual([
      `contact-attempt first-text ${day(0)} 09:00`,
      `contact-attempt call-1 ${day(0)} 10:00`,
      `contact-attempt call-1 ${day(0)} 12:00`,
      `contact-attempt call-2 ${day(0)} 13:00`,
      `contact-attempt call-3 ${day(0)} 14:00`,
      `contact-attempt call-4 ${day(0)} 15:00`,
      `contact-attempt call-5 ${day(0)} 16:00`,
      `contact-attempt call-6 ${day(0)} 17:00`,
      `contact-deferred call-7 ${day(0)} 17:00`,
      `contact-attempt call-7 ${day(7)} 08:00`,
      `contact-held last-text ${day(7)} 09:00`,
      expect.stringMatching(new RegExp(`^contact-attempt last-text ${day(7)} (1[2-9]|2[0-1]):\\d\\d$`)),
    ]);
    for (const entry of timeline.entries) {
      // The same moment twice: in UTC, and in the debtor's zone with its offset.
      expect(entry.at).toMatch(/Z$/);
      expect(DateTime.fromISO(entry.localTime, { setZone: true }).toMillis()).toBe(Date.parse(entry.at));
      expect(DateTime.fromISO(entry.localTime, { setZone: true }).offset).toBe(local(entry).offset);
    }

    const [firstText, call1, retry, , , , , call6, deferred, call7, held, lastText] = contacts;
    expect(firstText.why).toMatch(/^cadence step 'first-text' \([^)]+ after the start\) due 09:00 local$/);
    expect(call1).toMatchObject({ channel: 'voice', from: serviceNumber, to: phone, outcome: 'no-answer', why: "cadence step 'call-1' (1 hour after the previous step) due 10:00 local" });
    expect(retry.why).toBe("retry 1 of cadence step 'call-1' (backoff 2 hours after the failed attempt) due 12:00 local");
    expect(call6.why).toBe("cadence step 'call-6' (1 hour after the previous step) due 17:00 local");
    const regulationF = `Regulation F call count (7 call attempts in 7 days: next on ${day(7)}); contact window (outside calling hours 08:00-21:00 ${zone})`;
    expect(deferred.why).toBe(`due 18:00 local; deferred: ${regulationF} until ${day(7)} 08:00 local`);
    expect(call7.why).toBe(`cadence step 'call-7' (1 hour after the previous step) due ${day(0)} 18:00 local; deferred: ${regulationF} until 08:00 local`);
    expect(held).toMatchObject({ channel: 'sms', actor: pausedBy, why: expect.stringMatching(/^due 09:00 local; held: the campaign is paused \(paused by key:ops-lead\)/) });
    expect(lastText.why).toMatch(new RegExp(`^cadence step 'last-text' \\(1 hour after the previous step\\) due 09:00 local; held while the campaign was paused by ${pausedBy} from 09:00 local until \\d\\d:\\d\\d local$`));
    expect(lastText.body).toContain('Reminder from Test <Collections> & Co: $125.00 is still open. Pay: [payment link]');
    expect(timeline.campaignVersions).toEqual([expect.objectContaining({ version: 1, name: 'Test <Collections> & Co' })]);
  });

  it('when the timeline is read a few entries at a time, oldest or newest first, then the pages join up to the whole of it, nothing twice and nothing left out', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const response = await call(url, 'GET', `${timelinePath}?limit=4${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(response.status).toBe(200);
      const page = response.body as Timeline;
      ids.push(...page.entries.map((e) => e.id));
      after = page.next;
      pages++;
    } while (after && pages < 50);
    expect(pages).toBeGreaterThan(3);
    expect(ids).toEqual(timeline.entries.map((e) => e.id));

    // Newest first, as the console reads it: each page older than the one before, back to the first entry.
    const newestFirst: string[] = [];
    let before: string | undefined;
    pages = 0;
    do {
      const response = await call(url, 'GET', `${timelinePath}?order=newest&limit=3${before ? `&before=${encodeURIComponent(before)}` : ''}`);
      expect(response.status).toBe(200);
      const page = response.body as Timeline;
      expect(page.next).toBeUndefined();
      newestFirst.push(...page.entries.map((e) => e.id));
      before = page.older;
      pages++;
    } while (before && pages < 50);
    expect(pages).toBeGreaterThan(3);
    expect(newestFirst).toEqual(timeline.entries.map((e) => e.id).reverse());
    const mixed = await call(url, 'GET', `${timelinePath}?order=newest&after=${encodeURIComponent(timeline.entries[0]!.at)}`);
    expect(mixed).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ path: 'after' })] } });
    const refused = await call(url, 'GET', `${timelinePath}?limit=0&after=yesterday`);
    expect(refused).toMatchObject({ status: 400, body: { details: expect.arrayContaining([expect.objectContaining({ path: 'after' }), expect.objectContaining({ path: 'limit' })]) } });
  });

  it('when read as text and as a printable page, then both answer why the call was placed at 08:00, and the page escapes what it shows', async () => {
    const asText = await call(url, 'GET', `${timelinePath}?format=text`);
    expect(asText.status).toBe(200);
    // Placed at 08:00 local (a second or so after, as the workflow's timer fired), shown in both zones.
    const eight = firstDay.plus({ days: 7 }).set({ hour: 8 });
    const line = `${eight.toFormat('yyyy-MM-dd HH:mm')}:0\\d ${eight.toFormat('ZZZZ')} \\| ${eight.toUTC().toFormat('yyyy-MM-dd HH:mm')}:0\\dZ \\| Call: cadence step 'call-7'`;
    expect(asText.body).toMatch(new RegExp(line));
    expect(asText.body).toContain(`    why: cadence step 'call-7' (1 hour after the previous step) due ${firstDay.toISODate()} 18:00 local; deferred: Regulation F call count`);

    const asPage = await fetch(`${url}${timelinePath}`, { headers: { ...bearer(await apiKeyFor(stack.service, 'agent', 'timeline-agent')), accept: 'text/html' } });
    expect(asPage.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await asPage.text();
    expect(html).toContain('Reminder from Test &lt;Collections&gt; &amp; Co');
    expect(html).not.toContain('<Collections>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
  });

  it("when an auditor reads it, then the debtor's and the service's numbers are masked in JSON, text and HTML", async () => {
    const auditor = bearer(await apiKeyFor(stack.service, 'auditor', 'timeline-auditor'));
    const json = await call(url, 'GET', timelinePath, undefined, auditor);
    expect(json.status).toBe(200);
    expect(json.body.person.phone).toBe('+•••••••••77');
    expect(json.body.entries.find((e: TimelineEntry) => e.kind === 'contact-attempt')).toMatchObject({ to: '+•••••••••77', from: '+•••••••••06' });
    for (const format of ['json', 'text', 'html']) {
      const response = await call(url, 'GET', `${timelinePath}?format=${format}`, undefined, auditor);
      const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      expect(body, format).not.toContain(phone);
      expect(body, format).toContain('+•••••••••77');
    }
  });

  it('when `parley audit timeline` is run, then it prints the timeline, as text, JSON or an HTML file', async () => {
    const cli = { PARLEY_API_URL: url };
    const text = await runCli(['audit', 'timeline', 'timeline-journey', accountRef], cli);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Timeline of debtor ${accountRef} in campaign timeline-journey`);
    expect(text.stdout).toContain("why: retry 1 of cadence step 'call-1' (backoff 2 hours after the failed attempt) due 12:00 local");

    const json = await runCli(['audit', 'timeline', 'timeline-journey', accountRef, '--json', '--limit', '3'], cli);
    const page = JSON.parse(json.stdout) as Timeline;
    expect(page.entries.map((e) => e.id)).toEqual(timeline.entries.slice(0, 3).map((e) => e.id));
    expect(page.next).toBeDefined();

    const dir = mkdtempSync(path.join(os.tmpdir(), 'timeline-'));
    try {
      const file = path.join(dir, 'timeline.html');
      const written = await runCli(['audit', 'timeline', 'timeline-journey', accountRef, '--html', file, '--all', '--limit', '5'], cli);
      expect(written).toMatchObject({ code: 0, stdout: `${file}: HTML written, ${timeline.entries.length} entries\n` });
      expect(readFileSync(file, 'utf8')).toContain('held while the campaign was paused by key:ops-lead');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await runCli(['audit', 'timeline', 'timeline-journey', 'nobody'], cli)).toMatchObject({ code: 2, stderr: expect.stringContaining("no debtor 'nobody'") });
  });

  it("when a survey respondent answers by text, then their timeline has the invitation, the survey's texts and their replies with their words, and each answer", async () => {
    const survey = demoSurvey();
    await storeDemoSurvey(stack, survey);
    const workflowId = await beginRespondent(stack, survey, { respondentRef: 'tl-respondent', phone: '+12025550178', persona: 'survey-sms-complete' });
    await advanceUntil(env, stack, workflowId, (v) => v.outcome !== undefined, { what: 'the end of the survey', read: readRespondent, maxDays: 5 });

    const result = await runCli(['audit', 'timeline', survey.id, 'tl-respondent', '--survey', '--json'], { PARLEY_API_URL: url });
    expect(result.code).toBe(0);
    const entries = (JSON.parse(result.stdout) as Timeline).entries;
    expect(entries[0]).toMatchObject({ kind: 'started' });
    const invitation = entries.find((e) => e.kind === 'contact-attempt')!;
    expect(invitation).toMatchObject({ channel: 'sms', body: expect.stringMatching(/Hi Avery.*Reply YES to start/s), why: expect.stringMatching(/^cadence step '/) });
    expect(entries.find((e) => e.kind === 'text-sent' && /recommend/i.test(e.body ?? ''))).toBeDefined();
    expect(entries.find((e) => e.kind === 'sms-free-text')).toMatchObject({ from: '+12025550178', to: serviceNumber, body: expect.any(String) });
    const answers = entries.filter((e) => e.kind === 'answer' && e.details.part === 'answer');
    expect(answers.map((e) => [e.details.questionId, e.details.value])).toEqual([
      ['recommend', 8],
      ['satisfaction', 4],
      ['resolved', true],
      ['contact-channel', 'text'],
    ]);
    expect(answers[0].body).toBe('pretty good, maybe an eight');
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
