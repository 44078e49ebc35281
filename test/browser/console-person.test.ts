import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, yaml } from '../support/api-calls';
import { beginRespondent, demoSurvey } from '../support/respondent-fixtures';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, screenshot } from '../support/console-browser';

// The console's debtor and respondent pages against the real service and its worker: a debtor
// imported and texted, paused and resumed many times (a timeline longer than a page), then read
// by an operator (who pauses it through the dialog), an agent and an auditor (masked, no actions);
// and a survey respondent who answered by text.

/** A zone where it is now working hours on a contact day, so the first text goes at once. */
function zoneInHours(): string {
  const zones = ['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Tokyo', 'Asia/Kolkata', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'America/Sao_Paulo'];
  const found = zones.find((zone) => {
    const now = DateTime.now().setZone(zone);
    return now.hour >= 9 && now.hour < 19 && now.weekday !== 7 && !['12-25', '01-01', '11-26'].includes(now.toFormat('MM-dd'));
  });
  if (!found) throw new Error('no zone in contact hours now');
  return found;
}

describe("the console's debtor and respondent pages", () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  const keys = { operator: '', agent: '', auditor: '' };
  const campaignId = `console-person-${randomUUID().slice(0, 8)}`;
  const zone = zoneInHours();
  const phone = '+12025550188';
  const debtorPath = `/campaigns/${campaignId}/debtors/CP-1`;
  const survey = { ...demoSurvey(), id: `console-survey-${randomUUID().slice(0, 8)}` };
  const respondentPath = `/surveys/${survey.id}/respondents/R-1`;
  const pauseCycles = 11;

  beforeAll(async () => {
    stack = await startCollectionsStack('console-person');
    base = stack.service.httpUrl!;
    for (const role of ['operator', 'agent', 'auditor'] as const) keys[role] = await apiKeyFor(stack.service, role, `person-${role}`);
    expect((await call(base, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
    const header = 'accountRef,fullName,phone,timeZone,amountDue,dueDate,birthYear,zip';
    expect((await call(base, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`${header}\nCP-1,Dana Whitfield,${phone},${zone},250.00,2026-03-01,1984,20001\n`))).status).toBe(200);
    await eventually('the first text', async () => ((await call(base, 'GET', debtorPath)).body.state?.attempts?.length >= 1 ? true : undefined), 60_000);
    // An operator's pauses and resumes: each is an entry of the timeline, more than one page of them.
    for (let i = 0; i < pauseCycles; i++) {
      expect((await call(base, 'POST', `${debtorPath}/pause`, { reason: `callback requested (${i + 1})` }, bearer(keys.operator))).status).toBe(200);
      expect((await call(base, 'POST', `${debtorPath}/resume`, {}, bearer(keys.operator))).status).toBe(200);
    }
    expect((await call(base, 'POST', `${debtorPath}/payments`, { amount: '40.00' }, bearer(keys.agent))).status).toBe(202);

    const { campaigns } = stack.service.mongo.repositories;
    await campaigns.insertVersion({ campaignId: survey.id, version: 1, name: survey.name, document: JSON.parse(JSON.stringify(survey)) });
    await campaigns.advanceLatestVersion(survey.id, 1);
    await beginRespondent(stack, survey, { respondentRef: 'R-1', phone: '+12025550189', persona: 'survey-sms-complete' }, { timeZone: zone });
    await beginRespondent(stack, survey, { respondentRef: 'R-2', phone: '+12025550190', persona: 'never-answers' }, { timeZone: zone });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const openDebtor = async (key: string, width: 'desktop' | 'phone' = 'desktop') => {
    const page = await openConsole(browser, base, key, width);
    await page.goto(`/console${debtorPath}`);
    await page.getByRole('heading', { name: 'Dana Whitfield' }).waitFor();
    await entries(page).first().waitFor();
    return page;
  };
  const entries = (page: Page) => page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
  const status = (page: Page) => page.getByTestId('status').textContent();

  it('when an operator opens the debtor, then the profile, the status, the next contact and why, the payment and the newest timeline entries show, and older ones come on request', async () => {
    const page = await openDebtor(keys.operator);
    expect(await status(page)).toBe('contacting');
    const profile = page.getByRole('region', { name: 'Profile' });
    expect(await profile.textContent()).toContain(phone);
    expect(await profile.textContent()).toContain('$250.00');
    const statusCard = await page.getByRole('region', { name: 'Status' }).textContent();
    expect(statusCard).toMatch(/Next contact.*by call \(step day-1-call\)/);
    expect(statusCard).toContain('Why then');
    expect(await page.getByRole('region', { name: 'Payments' }).textContent()).toContain('$40.00');

    // Newest first: the payment, recorded last, on top of a full page of entries.
    expect(await entries(page).count()).toBe(20);
    expect(await entries(page).first().textContent()).toMatch(/payment/i);
    const firstPage = await entries(page).allTextContents();
    await page.getByRole('button', { name: 'Older entries' }).click();
    await expect.poll(() => entries(page).count()).toBeGreaterThan(20);
    const all = await entries(page).allTextContents();
    expect(all.slice(0, 20)).toEqual(firstPage);
    // The oldest entries are the first text, sent before any pause.
    expect(all.slice(20).join('\n')).toMatch(/text/i);
    const times = await page.getByRole('region', { name: 'Timeline' }).locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort().reverse());
    await expectAccessible(page);
    await screenshot(page, 'debtor');
    await page.context().close();
  });

  it('when an operator pauses the debtor through the dialog, then the page shows it paused, with the pause on top of the timeline', async () => {
    const page = await openDebtor(keys.operator);
    await page.getByRole('button', { name: 'Pause' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pause' });
    await dialog.getByLabel('Reason').fill('debtor asked for a week to think');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('paused');
    // The workflow writes its audit entry just after it answers: a busy worker may take a moment, as a person refreshing would see.
    const topEntry = async () => {
      await page.reload();
      await entries(page).first().waitFor();
      return entries(page).first().textContent();
    };
    await expect.poll(topEntry, { timeout: 20_000, interval: 1_000 }).toMatch(/paused/i);
    expect(await page.getByRole('region', { name: 'Status' }).textContent()).toContain('Paused byoperator');
    expect(await page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
    const stored = await call(base, 'GET', debtorPath);
    expect(stored.body.state).toMatchObject({ status: 'paused', paused: true });
    await page.context().close();
  });

  it('when an agent records a promise in the dialog, then the promise shows, and the operator-only actions are not offered', async () => {
    const page = await openDebtor(keys.agent);
    expect(await page.getByRole('button', { name: 'Close' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Record a promise' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a promise' });
    await dialog.getByLabel('Amount (USD)').fill('100.00');
    const due = DateTime.now().setZone(zone).plus({ days: 5 }).toISODate()!;
    await dialog.getByLabel('Due date').fill(due);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Promises and plans' }).textContent()).toContain(`Promised $100.00 by ${due}`);
    await page.context().close();
  });

  it('when an auditor opens the debtor, then the phone and the verification answers are masked everywhere and no action is offered', async () => {
    const page = await openDebtor(keys.auditor);
    const text = (await page.locator('main').textContent())!;
    expect(text).not.toContain(phone);
    expect(text).not.toContain('1984');
    expect(text).not.toContain('20001');
    expect(await page.getByRole('region', { name: 'Profile' }).textContent()).toContain(`+${'•'.repeat(phone.length - 3)}${phone.slice(-2)}`);
    expect(await page.getByRole('region', { name: 'Actions' }).count()).toBe(0);
    for (const name of ['Pause', 'Resume', 'Close', 'Record a promise', 'Note a dispute']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('when the debtor page is read on a 390 px phone, then nothing overflows sideways', async () => {
    const page = await openDebtor(keys.operator, 'phone');
    await expectFitsWidth(page);
    await page.context().close();
  });

  it('when a respondent has answered by text, then their page shows the answers and the timeline', async () => {
    await eventually('the answers', async () => ((await call(base, 'GET', respondentPath)).body.outcome === 'completed' ? true : undefined), 90_000);
    const page = await openConsole(browser, base, keys.operator);
    await page.goto(`/console${respondentPath}`);
    const answers = page.getByRole('region', { name: 'Answers so far' });
    await answers.getByRole('table').waitFor();
    const rows = await answers.getByRole('row').allTextContents();
    expect(rows.join('\n')).toContain('pretty good, maybe an eight');
    expect(rows.some((row) => row.startsWith('recommend8'))).toBe(true);
    expect(await status(page)).toBe('completed');
    await entries(page).first().waitFor();
    expect((await entries(page).allTextContents()).join('\n')).toMatch(/Answer to 'recommend'/);
    await expectAccessible(page);
    await screenshot(page, 'respondent');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFitsWidth(page);
    await page.context().close();
  });

  it('when an operator pauses and resumes a respondent who has not answered, then the page follows each step; an auditor is offered neither', async () => {
    const page = await openConsole(browser, base, keys.operator);
    await page.goto(`/console/surveys/${survey.id}/respondents/R-2`);
    await page.getByRole('heading', { name: 'Respondent R-2' }).waitFor();
    expect(await page.getByRole('region', { name: 'Answers so far' }).textContent()).toContain('No answers yet.');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('dialog', { name: 'Pause' }).getByLabel('Reason').fill('asked to be called next month');
    await page.getByRole('dialog', { name: 'Pause' }).getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => status(page)).toBe('paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('dialog', { name: 'Resume' }).getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => status(page)).not.toBe('paused');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.context().close();

    const audited = await openConsole(browser, base, keys.auditor);
    await audited.goto(`/console/surveys/${survey.id}/respondents/R-2`);
    await entries(audited).first().waitFor();
    expect(await audited.getByRole('region', { name: 'Status' }).textContent()).not.toContain('+12025550190');
    expect(await audited.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await audited.context().close();
  });
});
