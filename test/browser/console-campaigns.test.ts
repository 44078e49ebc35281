import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCollectionsStack, eventually, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, call, csv, demoCampaignYaml, demoSurveyYaml, yaml } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, screenshot } from '../support/console-browser';

// The console's Campaigns and Surveys pages against the real service: a campaign paused from the
// page with its broadcast's progress, a file imported with a bad row, two versions compared, and
// what an auditor (who may only read) is shown.

const debtorRows = (prefix: string, phones: string[]) =>
  `accountRef,fullName,phone,amountDue,dueDate\n${phones.map((phone, i) => `${prefix}-${i + 1},Person ${i + 1},${phone},40.00,2026-03-01`).join('\n')}\n`;

describe('the Campaigns and Surveys pages of the console', () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  const keys = { admin: '', auditor: '' };

  beforeAll(async () => {
    stack = await startCollectionsStack('console-campaigns');
    base = stack.service.httpUrl!;
    keys.admin = await apiKeyFor(stack.service, 'admin', 'console-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'console-auditor');
    browser = await launchChromium();

    await call(base, 'PUT', '/campaigns', yaml(demoCampaignYaml('northwind', 'Northwind Card Services')));
    const imported = await call(base, 'POST', '/campaigns/northwind/debtors/import', csv(debtorRows('N', ['+12125550161', '+12125550162', '+12125550163'])));
    expect(imported.body).toMatchObject({ started: 3 });
    await call(base, 'PUT', '/campaigns', yaml(demoCampaignYaml('northwind', 'Northwind Recoveries')));
    await call(base, 'PUT', '/campaigns', yaml(demoCampaignYaml('imports', 'Imports Card')));
    await call(base, 'PUT', '/surveys', yaml(demoSurveyYaml('satisfaction')));
    const respondents = await call(base, 'POST', '/surveys/satisfaction/respondents', csv('respondent_ref,phone\nS-1,+12125550171\n'));
    expect(respondents.body).toMatchObject({ started: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const campaignPage = async (page: Page, id: string) => {
    await page.goto(`/console/campaigns/${id}`);
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
  };

  it('when an admin pauses a campaign from its page, then the broadcast progress fills to every running debtor and says done', async () => {
    for (let i = 1; i <= 3; i++) {
      const workflowId = `debtor/northwind/N-${i}`;
      // A debtor takes a pause once it has loaded its campaign.
      await eventually(`${workflowId} to load its campaign`, async () => ((await stack.service.gateway.debtorState(workflowId)).strategy !== 'undecided' ? true : undefined));
    }
    const page = await openConsole(browser, base, keys.admin);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('link', { name: 'Northwind Recoveries' }).waitFor();
    expect(await page.getByRole('row').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Imports Card.*imports.*1.*Running.*0 \(0\)/), expect.stringMatching(/^Northwind Recoveries.*northwind.*2.*Running.*3 \(3\)/)]));
    await expectAccessible(page);
    await screenshot(page, 'campaigns');

    await page.getByRole('link', { name: 'Northwind Recoveries' }).click();
    await page.getByRole('heading', { name: 'Northwind Recoveries' }).waitFor();
    expect(await page.getByRole('link', { name: 'N-2' }).getAttribute('href')).toBe('/console/campaigns/northwind/debtors/N-2');
    await page.getByRole('button', { name: 'Pause campaign' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();

    const bar = page.getByRole('progressbar', { name: 'Pause: done' });
    await bar.waitFor();
    expect({ value: await bar.getAttribute('value'), max: await bar.getAttribute('max') }).toEqual({ value: '3', max: '3' });
    expect(await page.getByText('3 debtors told, 0 skipped').count()).toBe(1);
    expect(await page.getByText('Paused', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Resume campaign' }).waitFor();
    expect((await stack.service.gateway.debtorState('debtor/northwind/N-1')).paused).toBe(true);
    await page.context().close();
  });

  it('when two versions are compared on the page, then the changed field shows with its old and new values', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await campaignPage(page, 'northwind');
    const changes = page.getByRole('table', { name: 'Changed fields' });
    await changes.waitFor();
    expect(await changes.getByRole('row').allTextContents()).toEqual(['FieldChangeBeforeAfter', 'namechanged"Northwind Card Services""Northwind Recoveries"']);
    await expectAccessible(page);
    await screenshot(page, 'campaign');
    await page.getByLabel('To version').selectOption('1');
    await page.getByText('The two versions are the same.').waitFor();
    await page.context().close();
  });

  it("when an admin imports a file with one bad row, then the good rows' debtors are listed and the bad row's number, field and reason are shown", async () => {
    const page = await openConsole(browser, base, keys.admin);
    await campaignPage(page, 'imports');
    const file = debtorRows('I', ['+12125550181', '+1555', '+12125550183']);
    await page.getByLabel('File of debtors (CSV, JSON or NDJSON)').setInputFiles({ name: 'debtors.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Import' }).click();

    const errors = page.getByRole('table', { name: 'Rows with errors' });
    await errors.waitFor();
    expect(await errors.getByRole('row').allTextContents()).toEqual(['RowFieldReason', "3phone'+1555' is too short"]);
    expect(await page.getByText('3 rows: 2 debtors started, 0 already imported, 1 rejected, 0 failed').count()).toBe(1);
    await page.getByRole('link', { name: 'I-3' }).waitFor();
    expect(await page.getByRole('table', { name: 'Debtors' }).getByRole('link').allTextContents()).toEqual(['I-1', 'I-3']);
    await expectAccessible(page);
    await page.context().close();
  });

  it('when an auditor opens the campaign and survey pages, then they read everything and find no button that acts', async () => {
    const page = await openConsole(browser, base, keys.auditor);
    await campaignPage(page, 'northwind');
    await page.getByRole('progressbar').waitFor();
    await page.goto('/console/surveys/satisfaction');
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
    await page.getByRole('link', { name: 'S-1' }).waitFor();
    for (const path of ['/console/campaigns/northwind', '/console/surveys/satisfaction', '/console/campaigns']) {
      await page.goto(path);
      await page.getByRole('table').first().waitFor();
      expect(await page.getByRole('button', { name: /pause|resume|import|confirm/i }).count(), path).toBe(0);
      expect(await page.getByLabel(/file of/i).count(), path).toBe(0);
    }
    await page.context().close();
  });

  it('when the survey page is opened at phone width, then it fits, links its results and respondents, and passes the accessibility checks', async () => {
    const phone = await openConsole(browser, base, keys.admin, 'phone');
    await phone.goto('/console/surveys/satisfaction');
    await phone.getByRole('link', { name: 'S-1' }).waitFor();
    expect(await phone.getByRole('link', { name: /^Results/ }).getAttribute('href')).toBe('/console/surveys/satisfaction/results');
    expect(await phone.getByRole('link', { name: 'S-1' }).getAttribute('href')).toBe('/console/surveys/satisfaction/respondents/S-1');
    await expectFitsWidth(phone);
    await expectAccessible(phone);
    await campaignPage(phone, 'northwind');
    await phone.getByRole('table', { name: 'Changed fields' }).waitFor();
    await expectFitsWidth(phone);
    await phone.goto('/console/surveys');
    await phone.getByRole('link', { name: 'Northwind support satisfaction' }).waitFor();
    await expectFitsWidth(phone);
    await phone.context().close();

    const desktop = await openConsole(browser, base, keys.admin);
    await desktop.goto('/console/surveys/satisfaction');
    await desktop.getByRole('link', { name: 'S-1' }).waitFor();
    await screenshot(desktop, 'survey');
    await desktop.context().close();
  });
});
