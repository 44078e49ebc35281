import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { GroupResults } from '../../src/surveys/results/aggregate-results';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, call } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, screenshot } from '../support/console-browser';
import { storeAnsweredSurvey } from '../support/survey-answer-fixtures';

// A survey's results page: the figures it shows are the ones GET /surveys/:id/results gives, for an
// admin and an auditor alike, each chart with its figures in a table a screen reader can read.

describe("a survey's results in the operator console", () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  let overall: GroupResults;
  const keys = { admin: '', auditor: '' };
  const surveyId = `console-results-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startCollectionsStack('console-survey-results', { worker: false });
    base = stack.service.httpUrl!;
    keys.admin = await apiKeyFor(stack.service, 'admin', 'results-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'results-auditor');
    await storeAnsweredSurvey(stack.service, surveyId);
    const results = await call(base, 'GET', `/surveys/${surveyId}/results`);
    expect(results.status).toBe(200);
    overall = results.body.all.overall;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openResults(key: string, width: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
    const page = await openConsole(browser, base, key, width);
    await page.goto(`/console/surveys/${surveyId}/results`);
    await page.getByRole('heading', { name: 'Results: Northwind support satisfaction' }).waitFor();
    return page;
  }

  it('when an admin opens the results, then the page shows the completion, NPS, drop-off and per-question counts the API gives', async () => {
    // The figures the fixtures were built to give, so a results API that lost them fails here too.
    expect(overall).toMatchObject({ started: 5, finished: 3 });
    const page = await openResults(keys.admin);
    await expectShowsResults(page, overall);
    // One chart for the NPS bands, one for the drop-off, one per question with a distribution.
    await expect.poll(() => page.locator('canvas').count()).toBe(6);
    await expectAccessible(page);
    await screenshot(page, 'survey-results');
    await page.context().close();
  });

  it('when an auditor opens them on a phone, then the same figures show, nothing on the page acts, and it fits 390 px', async () => {
    const page = await openResults(keys.auditor, 'phone');
    await expectShowsResults(page, overall);
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    await expectFitsWidth(page);
    await expectAccessible(page);
    await page.context().close();
  });

  it('when the survey does not exist, then the page says so', async () => {
    const page = await openConsole(browser, base, keys.admin);
    await page.goto('/console/surveys/no-such-survey/results');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("no survey 'no-such-survey'");
    await page.context().close();
  });
});

async function expectShowsResults(page: Page, overall: GroupResults): Promise<void> {
  const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  expect(await figures(page.getByRole('region', { name: 'Completion' }))).toEqual({
    Invited: String(overall.invited),
    Started: String(overall.started),
    Completed: String(overall.finished),
    'Completion rate': percent(overall.completionRate),
    'Response rate': percent(overall.responseRate),
  });

  const nps = overall.questions.find((question) => question.stats.type === 'nps')!.stats;
  if (nps.type !== 'nps') throw new Error('the demo survey has an NPS question');
  expect(await figures(page.getByRole('region', { name: 'Net Promoter Score' }))).toEqual({
    NPS: `+${nps.score}`,
    'Promoters (9–10)': String(nps.promoters),
    'Passives (7–8)': String(nps.passives),
    'Detractors (0–6)': String(nps.detractors),
  });

  expect(await tableRows(page.getByRole('region', { name: 'Drop-off per question' }))).toEqual(
    overall.questions.map((question, index) => [`${index + 1}. ${question.id}`, String(question.reached), String(question.droppedOff)]),
  );

  for (const [index, question] of overall.questions.entries()) {
    const card = page.getByRole('region', { name: `${index + 1}. ${question.text}` });
    await expect.poll(() => card.textContent()).toContain(`${question.reached} reached, ${question.answered} answered, ${question.droppedOff} stopped here`);
    if ('bars' in question.stats) {
      expect(await tableRows(card)).toEqual(question.stats.bars.map((bar) => [bar.label, String(bar.count)]));
    }
  }
}

/** The named figures (terms and their values) in `region`. */
async function figures(region: Locator): Promise<Record<string, string>> {
  const terms = await region.locator('dt').allTextContents();
  const values = await region.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
}

/** The rows of the only table in `region` (seen or for screen readers), each its cells' text. */
async function tableRows(region: Locator): Promise<string[][]> {
  const rows = region.getByRole('table').locator('tbody tr');
  const count = await rows.count();
  return Promise.all(Array.from({ length: count }, (_, i) => rows.nth(i).locator('th, td').allTextContents()));
}
