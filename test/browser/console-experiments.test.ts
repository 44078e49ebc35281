import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, call, demoCampaignYaml, demoSurveyYaml, yaml } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole } from '../support/console-browser';

// A campaign's and a survey's script experiments on their console pages against the real service:
// the demo's greeting experiment before anyone is placed in it, an admin stopping an arm through the
// dialog, what an auditor is shown, a campaign that declares none, a survey's introduction
// experiment with the survey's own metrics, and a campaign's experiment read on the Dashboards page.

const demoMinutes = readFileSync(path.resolve(__dirname, '../../examples/campaigns/demo-minutes.yaml'), 'utf8');
const suffix = randomUUID().slice(0, 8);
const withExperiment = `experiments-${suffix}`;
const withoutExperiment = `no-experiments-${suffix}`;
const surveyWithExperiment = `survey-experiments-${suffix}`;
const onDashboard = `dashboard-experiments-${suffix}`;

const briefIntroduction = `
experiments:
  - id: intro-wording
    question: "Does a shorter introduction get more people to answer?"
    arms:
      - id: standard
      - id: brief
        introduction:
          en: "Hi {{firstName}}, Northwind here: one minute for the {{surveyName}} survey about order {{hidden.order}}?"
          zh-CN: "{{firstName}}您好，这里是 Northwind：能花一分钟参加{{surveyName}}，谈谈订单 {{hidden.order}} 吗？"
`;

/** The rows of a table as a person reads them, cell by cell (a closed dialog in a cell is not shown). */
async function rowsOf(page: Page, table: string): Promise<string[][]> {
  const found = page.getByRole('table', { name: table });
  await found.waitFor();
  const rows = await found.getByRole('row').all();
  return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
}

describe("the console's Experiments section", () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  const keys = { admin: '', auditor: '' };

  beforeAll(async () => {
    stack = await startCollectionsStack('console-experiments');
    base = stack.service.httpUrl!;
    keys.admin = await apiKeyFor(stack.service, 'admin', 'experiments-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'experiments-auditor');
    for (const id of [withExperiment, onDashboard]) expect((await call(base, 'PUT', '/campaigns', yaml(demoMinutes.replace(/^id: .*$/m, `id: ${id}`)))).status).toBe(201);
    expect((await call(base, 'PUT', '/campaigns', yaml(demoCampaignYaml(withoutExperiment)))).status).toBe(201);
    expect((await call(base, 'PUT', '/surveys', yaml(demoSurveyYaml(surveyWithExperiment) + briefIntroduction))).status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const experimentsOf = async (page: Page, campaignId: string, list = 'campaigns') => {
    await page.goto(`/console/${list}/${campaignId}`);
    await page.getByRole('heading', { name: 'Experiments' }).waitFor();
  };

  it('when a campaign with an experiment has no debtors yet, then both arms show with 0 people and every comparison says not enough data', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await experimentsOf(page, withExperiment);
    await page.getByRole('heading', { name: 'Does a warmer, shorter greeting reach the right person more often?' }).waitFor();
    expect(await page.getByText('Experiment greeting-wording varies the greeting; the control is standard.').count()).toBe(1);
    expect(await rowsOf(page, 'Arms of greeting-wording')).toEqual([
      ['Arm', 'Weight', 'People', 'Moved out', 'State', 'Action'],
      ['standard (control)', '1', '0', '0', 'Running', 'Stop arm standard'],
      ['warm', '1', '0', '0', 'Running', 'Stop arm warm'],
    ]);
    const metrics = await rowsOf(page, 'Metrics of greeting-wording');
    expect(metrics.map((row) => row[0])).toEqual([
      'Metric (95% interval)',
      'right-party contact rate',
      'promise-to-pay rate',
      'kept-promise rate',
      'money collected per account',
      'hand-off rate',
    ]);
    expect(metrics.slice(1).map((row) => row.slice(1))).toEqual(Array(5).fill(['No data yet', 'No data yet']));
    const comparisons = page.getByRole('list', { name: 'Comparisons of greeting-wording with its control' }).getByRole('listitem');
    expect(await comparisons.count()).toBe(5);
    for (const text of await comparisons.allInnerTexts()) expect(text).toMatch(/^Not enough data .+, warm vs standard: Not enough data yet/);
    await expectAccessible(page);
    await page.context().close();
  });

  it('when an admin stops the warm arm through its dialog, then the arm shows stopped, no arm can be stopped any more, and the campaign has a new version', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await experimentsOf(page, withExperiment);
    await page.getByText(`Campaign ${withExperiment}, version 1`).waitFor();
    await page.getByRole('button', { name: 'Stop arm warm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop arm warm' });
    expect(await dialog.getByText(/^Stop arm warm of greeting-wording\? It takes nobody new/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('table', { name: 'Arms of greeting-wording' }).getByText('Stopped', { exact: true }).waitFor();
    expect(await rowsOf(page, 'Arms of greeting-wording')).toEqual([
      ['Arm', 'Weight', 'People', 'Moved out', 'State', 'Action'],
      // The last running arm cannot be stopped: the campaign would refuse it.
      ['standard (control)', '1', '0', '0', 'Running', ''],
      ['warm', '1', '0', '0', 'Stopped', ''],
    ]);
    expect(await page.getByRole('button', { name: /^Stop arm/ }).count()).toBe(0);
    await page.getByText(`Campaign ${withExperiment}, version 2`).waitFor();

    await page.reload();
    await page.getByRole('table', { name: 'Arms of greeting-wording' }).getByText('Stopped', { exact: true }).waitFor();
    await page.context().close();
  });

  it('when an auditor opens the campaign at phone width, then the experiment reads in full, fits, and offers no Stop button', async () => {
    const page = await openConsole(browser, base, keys.auditor, 'phone');
    await experimentsOf(page, withExperiment);
    expect((await rowsOf(page, 'Arms of greeting-wording'))[0]).toEqual(['Arm', 'Weight', 'People', 'Moved out', 'State']);
    expect(await page.getByRole('table', { name: 'Metrics of greeting-wording' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /stop/i }).count()).toBe(0);
    await expectFitsWidth(page);
    await expectAccessible(page);
    await page.context().close();
  });

  it('when a campaign declares no experiments, then the section says so and shows no table of arms', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await experimentsOf(page, withoutExperiment);
    await page.getByText('No experiments are declared: they are added under experiments: in the campaign document.').waitFor();
    expect(await page.getByRole('table', { name: /^Arms of/ }).count()).toBe(0);
    await page.context().close();
  });

  it('when a survey with an experiment has no respondents yet, then both arms show with 0 people and its three survey metrics have no data', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await experimentsOf(page, surveyWithExperiment, 'surveys');
    await page.getByRole('heading', { name: 'Does a shorter introduction get more people to answer?' }).waitFor();
    expect(await page.getByText("Experiment intro-wording varies the survey's introduction; the control is standard.").count()).toBe(1);
    expect(await rowsOf(page, 'Arms of intro-wording')).toEqual([
      ['Arm', 'Weight', 'People', 'Moved out', 'State', 'Action'],
      ['standard (control)', '1', '0', '0', 'Running', 'Stop arm standard'],
      ['brief', '1', '0', '0', 'Running', 'Stop arm brief'],
    ]);
    expect(await rowsOf(page, 'Metrics of intro-wording')).toEqual([
      ['Metric (95% interval)', 'standard', 'brief'],
      ['response rate', 'No data yet', 'No data yet'],
      ['completion rate', 'No data yet', 'No data yet'],
      ['drop-off rate', 'No data yet', 'No data yet'],
    ]);
    const comparisons = page.getByRole('list', { name: 'Comparisons of intro-wording with its control' }).getByRole('listitem');
    expect(await comparisons.allInnerTexts()).toEqual([
      expect.stringMatching(/^Not enough data response rate, brief vs standard: Not enough data yet/),
      expect.stringMatching(/^Not enough data completion rate, brief vs standard: Not enough data yet/),
      expect.stringMatching(/^Not enough data drop-off rate, brief vs standard: Not enough data yet/),
    ]);
    await expectAccessible(page);
    await page.context().close();
  });

  it('when an admin stops the brief arm of a survey, then the arm shows stopped and the survey has a new version', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await experimentsOf(page, surveyWithExperiment, 'surveys');
    await page.getByText(`Survey ${surveyWithExperiment}, version 1`).waitFor();
    await page.getByRole('button', { name: 'Stop arm brief' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop arm brief' });
    expect(await dialog.getByText(/^Stop arm brief of intro-wording\? .+ This makes a new survey version;/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('table', { name: 'Arms of intro-wording' }).getByText('Stopped', { exact: true }).waitFor();
    expect((await rowsOf(page, 'Arms of intro-wording')).slice(1)).toEqual([
      ['standard (control)', '1', '0', '0', 'Running', ''],
      ['brief', '1', '0', '0', 'Stopped', ''],
    ]);
    await page.getByText(`Survey ${surveyWithExperiment}, version 2`).waitFor();
    await page.context().close();
  });

  it('when an admin opens Dashboards filtered to a campaign with an experiment, then its arms and verdicts read there with no Stop button, and a link leads to the campaign', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await page.goto(`/console/dashboards?${new URLSearchParams({ campaignId: onDashboard })}`);
    await page.getByRole('heading', { name: `Experiments of campaign ${onDashboard}` }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Campaign', exact: true }).inputValue()).toBe(onDashboard);
    expect(await rowsOf(page, 'Arms of greeting-wording')).toEqual([
      ['Arm', 'Weight', 'People', 'Moved out', 'State'],
      ['standard (control)', '1', '0', '0', 'Running'],
      ['warm', '1', '0', '0', 'Running'],
    ]);
    const comparisons = page.getByRole('list', { name: 'Comparisons of greeting-wording with its control' }).getByRole('listitem');
    expect(await comparisons.count()).toBe(5);
    for (const text of await comparisons.allInnerTexts()) expect(text).toMatch(/^Not enough data .+, warm vs standard: /);
    expect(await page.getByRole('button', { name: /stop/i }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: `campaign ${onDashboard}'s page` }).click();
    await page.getByRole('button', { name: 'Stop arm warm' }).waitFor();
    await page.context().close();
  });
});
