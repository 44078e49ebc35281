import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { devTemporalUiPrefix } from '../../src/http/access/route-access';
import { daytimeZone } from '../../src/dev/demo';
import { apiKeyFor, call, csv, demoCampaignYaml, yaml } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { startApiWithDevUi } from '../support/dev-ui-service';

// What a person sees in `parley dev`'s Temporal Web UI, in a real browser: a debtor's workflow
// input as ciphertext, and, once signed in at the codec, the same page with the debtor's name.

describe('the Temporal Web UI in a browser', () => {
  let base: string;
  let stack: Awaited<ReturnType<typeof startApiWithDevUi>>;
  let browser: Browser;
  let auditorKey: string;
  let workflowPage: string;

  beforeAll(async () => {
    // The API alone: the import starts the workflow, whose input (the debtor's profile) the UI shows.
    stack = await startApiWithDevUi('temporal-ui');
    base = stack.base;
    const { service } = stack;
    await apiKeyFor(service, 'admin', 'ui-admin');
    auditorKey = await apiKeyFor(service, 'auditor', 'ui-auditor');
    const campaignId = `ui-${randomUUID().slice(0, 8)}`;
    expect((await call(base, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
    const imported = await call(base, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`accountRef,fullName,phone,timeZone,amountDue,dueDate\nU-1,Quentin Marlowe,+12125550166,${daytimeZone(Date.now())},321.09,2026-03-01\n`));
    expect(imported.status).toBe(200);
    workflowPage = `${base}${devTemporalUiPrefix}/namespaces/default/workflows/${encodeURIComponent(`debtor/${campaignId}/U-1`)}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('when a person opens a workflow without signing in, then its input is ciphertext; after signing in at the codec, the same page shows the debtor', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(workflowPage);
    // The UI could not decode (the codec said 401), so it shows the payload as stored.
    await page.getByText('Codec Server could not connect').filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    await page.getByText(Buffer.from('binary/encrypted').toString('base64')).first().waitFor();
    expect(await page.content()).not.toContain('Quentin Marlowe');

    await page.goto(`${base}/codec/sign-in?next=${encodeURIComponent(new URL(workflowPage).pathname)}`);
    await page.getByLabel('API key').fill(auditorKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(workflowPage);
    await page.getByText('Quentin Marlowe').first().waitFor({ timeout: 30_000 });
    expect(await page.getByText('Codec Server could not connect').filter({ visible: true }).count()).toBe(0);
  });
});
