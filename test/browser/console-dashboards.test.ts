import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, screenshot } from '../support/console-browser';
import { countedDashboard, makeKnownFacts, type KnownFacts } from '../support/dashboard-facts';
import { collectionKpiColumns, shown } from '../../console/dashboards/kpi-format';
import type { CollectionsDashboard } from '../../src/kpi/dashboard-views';

// The Dashboards page shows the API's figures: known facts made through the real stack (import,
// simulated calls, promise and payments through the API) read the same in the page as in
// GET /dashboards/collections for the same filters, for an admin and for an auditor.

describe('the Dashboards page', () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  let known: KnownFacts;
  const keys = { admin: '', auditor: '' };
  const campaignId = `dash-ui-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startCollectionsStack('console-dashboards');
    base = stack.service.httpUrl!;
    keys.admin = await apiKeyFor(stack.service, 'admin', 'dash-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'dash-auditor');
    known = await makeKnownFacts(stack, campaignId, ['+12025557401', '+12025557402', '+12025557403']);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const filters = () => ({
    from: DateTime.utc().minus({ days: 1 }).toISODate()!,
    to: DateTime.fromISO(known.promiseDueDate).plus({ days: 1 }).toISODate()!,
    bucket: 'day',
    by: 'channel',
    campaignId,
  });

  /** The page under the filters, with the API's answer for the same filters in the page's time zone. */
  async function dashboardsFor(key: string, width: 'desktop' | 'phone' = 'desktop'): Promise<{ page: Page; api: CollectionsDashboard }> {
    const page = await openConsole(browser, base, key, width);
    const timeZone = await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone');
    const api = (await countedDashboard(base, { ...filters(), timeZone }, known, bearer(key))) as CollectionsDashboard;
    await page.goto(`/console/dashboards?${new URLSearchParams(filters())}`);
    await page.getByRole('definition').first().waitFor();
    return { page, api };
  }

  async function tiles(page: Page): Promise<Record<string, string>> {
    const list = page.getByLabel('Collections KPIs');
    const labels = await list.locator('dt').allTextContents();
    const values = await list.locator('dd').allTextContents();
    return Object.fromEntries(labels.map((label, i) => [label, values[i]!]));
  }

  const expectedTiles = (api: CollectionsDashboard) => Object.fromEntries(collectionKpiColumns.map((column) => [column.label, shown(column, api.overall.kpis[column.key])]));

  it('when an admin opens Dashboards on the known facts, then every KPI tile and every group row reads as the API reports for the same filters', async () => {
    const { page, api } = await dashboardsFor(keys.admin);
    expect(api.overall.kpis.contactRate).toBe(1 / 3);
    expect(await tiles(page)).toEqual(expectedTiles(api));
    const table = page.getByRole('table', { name: 'KPIs per channel' });
    for (const total of api.totals) {
      const row = table.getByRole('row', { name: new RegExp(`^${total.group} `) });
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells).toEqual([String(total.facts.attempts), String(total.facts.accountsAssigned), ...collectionKpiColumns.map((c) => shown(c, total.kpis[c.key]))]);
    }
    const trend = page.getByRole('table', { name: /^Contact rate per day and channel/ });
    expect(await trend.getByRole('row').count()).toBe(api.buckets.length + 1);
    await expectAccessible(page);
    await screenshot(page, 'dashboards');
    await page.context().close();
  });

  it('when an auditor opens the same view, then they read the same figures', async () => {
    const { page, api } = await dashboardsFor(keys.auditor);
    expect(await tiles(page)).toEqual(expectedTiles(api));
    await page.context().close();
  });

  it('when the page is read at phone width, then nothing overflows sideways and it passes the accessibility checks', async () => {
    const { page } = await dashboardsFor(keys.admin, 'phone');
    await expectFitsWidth(page);
    await expectAccessible(page);
    await page.context().close();
  });
});
