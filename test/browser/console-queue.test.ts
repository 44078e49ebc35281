import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CollectionsStack } from '../support/collections-stack';
import { bearer, call } from '../support/api-calls';
import { distressedZone as zone, handDistressedDebtorsToAPerson, queuedTaskOf, startQueueStack } from '../support/human-task-fixtures';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, screenshot, type widths } from '../support/console-browser';

// The agents' queue in a real browser, with the worker running: distressed debtors go to a person
// first (the demo campaign's human-first segment); one agent claims and resolves a task with a
// promise and the debtor's workflow moves on; a second agent sees the task taken, and their claim
// is refused with the holder's name.

const campaignId = `console-queue-${randomUUID().slice(0, 8)}`;

describe("the agents' queue in the console", () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  let keys: { ana: string; ben: string };

  const openQueue = async (key: string, width: keyof typeof widths = 'desktop'): Promise<Page> => {
    const page = await openConsole(browser, base, key, width);
    await page.getByRole('link', { name: "Agents' queue" }).click();
    await page.getByRole('heading', { name: "Agents' queue" }).waitFor();
    return page;
  };
  const card = (page: Page, accountRef: string) => page.getByRole('article', { name: new RegExp(`Account ${accountRef} `) });

  beforeAll(async () => {
    ({ stack, url: base, agents: keys } = await startQueueStack('console-queue'));
    await handDistressedDebtorsToAPerson(base, campaignId, [
      { accountRef: 'Q-1', fullName: 'Pat Kim', phone: '+12025550121', amountDue: '88.00' },
      { accountRef: 'Q-2', fullName: 'Lee Park', phone: '+12025550122', amountDue: '140.00' },
    ]);
    for (const accountRef of ['Q-1', 'Q-2']) await queuedTaskOf(base, keys.ana, campaignId, accountRef);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('when one agent claims a task, then a second agent sees it taken and their claim is refused with the holder named', async () => {
    const ben = await openQueue(keys.ben);
    await expect.poll(() => card(ben, 'Q-1').locator('.holder').textContent()).toBe('Not claimed');
    const ana = await openQueue(keys.ana);

    await card(ana, 'Q-1').getByRole('button', { name: 'Claim' }).click();

    await expect.poll(() => card(ana, 'Q-1').locator('.holder').textContent()).toBe('Claimed by you');
    await expect.poll(() => card(ben, 'Q-1').locator('.holder').textContent(), { timeout: 15_000 }).toBe('Claimed by key:ana');
    await card(ben, 'Q-1').getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => card(ben, 'Q-1').getByRole('alert').textContent()).toContain('claimed by key:ana');
    await ben.context().close();

    // The holder's card opens up: who the person is, where the account stands, and the story's link.
    const mine = card(ana, 'Q-1');
    await expect.poll(() => mine.locator('.glance').textContent()).toContain('Pat Kim');
    expect(await mine.getByRole('link', { name: /whole story/ }).getAttribute('href')).toBe(`/console/campaigns/${campaignId}/debtors/Q-1`);
    await expectAccessible(ana);
    await screenshot(ana, 'queue');
    await ana.context().close();
  });

  it('when the holder resolves with a promise in the browser, then the debtor workflow moves on to await it', async () => {
    const ana = await openQueue(keys.ana);
    const mine = card(ana, 'Q-1');
    const dueDate = DateTime.now().setZone(zone).plus({ days: 5 }).toISODate()!;

    await mine.getByLabel('Outcome').selectOption('promise');
    await mine.getByLabel('Amount').fill('40.00');
    await mine.getByLabel('Due date').fill(dueDate);
    await mine.getByLabel('Notes').fill('Will pay on Friday');
    await mine.getByRole('button', { name: 'Resolve' }).click();
    const dialog = ana.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`promise to pay 40.00 by ${dueDate}`);
    await expectAccessible(ana);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    await expect.poll(() => ana.getByRole('status').textContent()).toContain('task resolved');
    await expect.poll(() => card(ana, 'Q-1').count()).toBe(0);
    const debtor = await call(base, 'GET', `/campaigns/${campaignId}/debtors/Q-1`, undefined, bearer(keys.ana));
    expect(debtor.body.state).toMatchObject({ status: 'awaiting-promise', promise: { amountMinor: 4_000, dueDate } });
    expect(debtor.body.state.humanTask).toBeUndefined();
    await ana.context().close();
  });

  it('when an agent works a task on a phone, then the opened task and its form fit 390 px, and releasing it frees it', async () => {
    const ana = await openQueue(keys.ana, 'phone');
    await card(ana, 'Q-2').getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => card(ana, 'Q-2').locator('.glance').textContent()).toContain('Lee Park');
    await card(ana, 'Q-2').getByLabel('Outcome').selectOption('plan');
    await expectFitsWidth(ana);
    await expectAccessible(ana);

    await card(ana, 'Q-2').getByRole('button', { name: 'Release' }).click();

    await expect.poll(() => card(ana, 'Q-2').locator('.holder').textContent()).toBe('Not claimed');
    await ana.context().close();
  });
});
