import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { campaignCall, runCall, verifiedCaller } from '../support/call-fixtures';
import { apiKeyFor } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, screenshot } from '../support/console-browser';

// The Live page in a real browser against the real service, worker and Twilio simulator: a page
// open before a call starts shows the call's lines as they are spoken; an auditor's page shows
// the number masked; the page fits a phone and passes the accessibility checks.

describe('the Live page', () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  const keys = { admin: '', auditor: '' };
  const phone = '+12025554202';
  const { call, input } = campaignCall('acct-live-page', phone);

  const openLive = async (key: string, width: 'desktop' | 'phone' = 'desktop'): Promise<Page> => {
    const page = await openConsole(browser, base, key, width);
    await page.waitForURL('**/console/live');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Live');
    return page;
  };
  const callCard = (page: Page) => page.getByRole('article', { name: /^Call with acct-live-page/ });

  beforeAll(async () => {
    stack = await startCollectionsStack('console-live');
    base = stack.service.httpUrl!;
    await storeCampaignVersion(stack.service.mongo.models, loadTestCampaign('voice-test.yaml'), 1);
    keys.admin = await apiKeyFor(stack.service, 'admin', 'live-page-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'live-page-auditor');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('when a call is made while the page is open, then its transcript grows there line by line, and an auditor sees the number masked', async () => {
    const admin = await openLive(keys.admin);
    const auditor = await openLive(keys.auditor, 'phone');
    expect(await callCard(admin).count()).toBe(0);
    stack.simulator.people.assign(phone, {
      ...verifiedCaller('Jordan Lee', 1985, { say: 'I can pay fifty dollars on Friday, goodbye.', confidence: 0.95 }),
      conversation: { ...verifiedCaller('Jordan Lee', 1985, '').conversation!, thinkSeconds: 1, otherwise: { say: 'I can pay fifty dollars on Friday, goodbye.', hangUp: true } },
    });

    const done = runCall(stack, call, input);
    const transcript = callCard(admin).getByRole('list', { name: /^Transcript/ });
    await expect.poll(() => transcript.textContent(), { timeout: 30_000 }).toContain('Caller: Yes, this is Jordan Lee.');
    await expect.poll(() => transcript.textContent(), { timeout: 30_000 }).toContain('Caller: I can pay fifty dollars on Friday, goodbye.');
    await done;
    await expect.poll(() => callCard(admin).locator('.stage').textContent()).toBe('ended');
    const lines = await transcript.getByRole('listitem').allTextContents();
    expect(lines.some((line) => line.startsWith('Parley: '))).toBe(true);
    expect(await callCard(admin).textContent()).toContain(phone);
    expect(await admin.getByRole('region', { name: /^Today/ }).textContent()).toMatch(/1Calls placed/);
    await screenshot(admin, 'live');
    await expectAccessible(admin);

    const auditorCard = callCard(auditor);
    await expect.poll(() => auditorCard.getByRole('list', { name: /^Transcript/ }).textContent()).toContain('Caller: I can pay fifty dollars on Friday, goodbye.');
    expect(await auditorCard.textContent()).toContain('+•••••••••02');
    expect(await auditor.content()).not.toContain(phone);
    await expectFitsWidth(auditor);
    await expectAccessible(auditor);
    await admin.context().close();
    await auditor.context().close();
  });
});
