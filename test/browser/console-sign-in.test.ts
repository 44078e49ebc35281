import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, call } from '../support/api-calls';
import { launchChromium } from '../support/browser';
import { expectAccessible, expectFitsWidth, openConsole, widths } from '../support/console-browser';

// Signing in to the operator console: any role's key opens it, the navigation follows the role,
// the cookie works only for the console's own calls, and the page can be used from a keyboard.

describe('signing in to the operator console', () => {
  let stack: CollectionsStack;
  let browser: Browser;
  let base: string;
  const keys = { admin: '', agent: '', auditor: '' };

  beforeAll(async () => {
    stack = await startCollectionsStack('console-sign-in', { worker: false });
    base = stack.service.httpUrl!;
    for (const role of ['admin', 'agent', 'auditor'] as const) keys[role] = await apiKeyFor(stack.service, role, `console-${role}`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('when a wrong key is pasted, then the page says why and stays on the sign-in form', async () => {
    const page = await (await browser.newContext({ viewport: widths.desktop, baseURL: base })).newPage();
    await page.goto('/console');
    await page.getByLabel('API key or access token').fill('parley_0123456789abcdef_not-the-secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^key: /);
    expect(await page.getByRole('navigation', { name: 'Console' }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it("when an admin, an agent and an auditor sign in, then each sees their name, their role, and the pages that role may use", async () => {
    const navOf = async (key: string) => {
      const page = await openConsole(browser, base, key);
      const links = await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allTextContents();
      const who = await page.locator('.who').textContent();
      await page.context().close();
      return { links, who };
    };
    expect(await navOf(keys.admin)).toEqual({ links: ['Live', "Agents' queue", 'Campaigns', 'Surveys', 'Dashboards'], who: expect.stringContaining('key:console-admin admin') });
    expect((await navOf(keys.agent)).links).toContain("Agents' queue");
    expect(await navOf(keys.auditor)).toEqual({ links: ['Live', 'Campaigns', 'Surveys', 'Dashboards'], who: expect.stringContaining('auditor') });
  });

  it('when the console is used from the keyboard at phone width, then the skip link and every navigation link are reached with Tab, and nothing overflows sideways', async () => {
    const page = await openConsole(browser, base, keys.admin, 'phone');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Skip to content');
    const reached: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate<string | undefined>('document.activeElement?.textContent')) ?? '');
    }
    expect(reached).toEqual(['Live', "Agents' queue", 'Campaigns', 'Surveys', 'Dashboards']);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/dashboards');
    await expectFitsWidth(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key or access token').waitFor();
    await page.context().close();
  });

  it("when the console's cookie comes without the console's header, then the API refuses it, so another site's form cannot ride on it", async () => {
    const signedIn = await fetch(`${base}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: keys.agent }) });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ actor: 'key:console-agent', role: 'agent' });
    const cookie = signedIn.headers.get('set-cookie')!;
    for (const attribute of ['Path=/', 'HttpOnly', 'SameSite=Strict']) expect(cookie).toContain(attribute);
    const session = cookie.split(';')[0]!;
    const consoleCall = { authorization: '', cookie: session, 'x-parley-console': '1' };
    expect((await call(base, 'GET', '/campaigns/none/debtors', undefined, { authorization: '', cookie: session })).status).toBe(401);
    expect((await call(base, 'GET', '/campaigns/none/debtors', undefined, consoleCall)).status).not.toBe(401);
    // The role still holds: an agent's cookie cannot do an admin's work.
    expect((await call(base, 'PUT', '/campaigns', { type: 'application/yaml', content: 'id: x' }, consoleCall)).status).toBe(403);
  });
});
