import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

// The operator console in a real browser (Debian's chromium through playwright-core): signing in,
// the two widths the console is laid out for, its accessibility checks, and its screenshots.

export const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * Screenshots go to .data/screenshots on every run; `npm run screenshots` points SCREENSHOT_DIR
 * at docs/screenshots to refresh the README's.
 */
const screenshotDir = path.resolve(__dirname, '../..', process.env.SCREENSHOT_DIR ?? '.data/screenshots');

/** A new browser context (its own cookies) on the console, signed in with `key`. */
export async function openConsole(browser: Browser, base: string, key: string, width: keyof typeof widths = 'desktop'): Promise<Page> {
  const context = await browser.newContext({ viewport: widths[width], baseURL: base });
  const page = await context.newPage();
  await page.goto('/console');
  await page.getByLabel('API key or access token').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console' }).waitFor();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's WCAG 2 A and AA rules on the page as it is now: labelled controls, contrast, names
 * of links and buttons, landmarks. Fails the test with each rule broken and where.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // Through the DevTools protocol: the console's CSP (rightly) refuses an injected script tag.
  await page.evaluate(axeSource);
  // As text: this module is type-checked without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing is wider than the window: at 390 px the page scrolls down, never sideways. */
export async function expectFitsWidth(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
  );
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
