import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, csv, runCli, yaml } from '../support/api-calls';
import { signWebhook } from '../../src/payments/webhook-signature';

// Payment links as a debtor and the payment provider meet them: texted by the worker, opened and
// paid on the service's page (the demo provider), reported back by its signed webhook. On the dev
// server, in real time, through the import API, the worker and the Twilio simulator.

const campaignId = `pay-links-${randomUUID().slice(0, 8)}`;
/** fast-cadence.yaml with its call a week away: the account stays open with only the first text sent. */
const campaignYaml = readFileSync(path.resolve(__dirname, '../fixtures/campaigns/fast-cadence.yaml'), 'utf8')
  .replace(/^id: .*$/m, `id: ${campaignId}`)
  .replace('{ after: previous, duration: PT2S }\n      script: call-script', '{ after: previous, duration: P7D }\n      script: call-script');
const hour = 3600_000;

describe('payment links', () => {
  let stack: CollectionsStack;
  let api: string;
  let nextAccount = 1;

  beforeAll(async () => {
    stack = await startCollectionsStack('payment-links');
    api = stack.service.httpUrl!;
    const applied = await call(api, 'PUT', '/campaigns', yaml(campaignYaml));
    expect(applied.status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const linksTo = (phone: string) =>
    stack.simulator.store
      .listMessages({ to: phone })
      .filter((m) => m.from === serviceNumber)
      .map((m) => /\/pay\/[\w-]+\.[\w-]+/.exec(m.body)?.[0])
      .filter((link): link is string => link !== undefined);

  /** A new account whose first text has arrived, and the payment link (a path) in it. */
  async function accountWithLink(): Promise<{ accountRef: string; workflowId: string; phone: string; link: string }> {
    const n = nextAccount++;
    const accountRef = `PL-${n}`;
    const phone = `+4479111235${String(n).padStart(2, '0')}`;
    stack.simulator.people.assign(phone, 'never-answers');
    const rows = ['accountRef,fullName,phone,timeZone,amountDue,dueDate', `${accountRef},Jordan Lee,${phone},Europe/London,125.00,2026-11-01`].join('\n');
    const imported = await call(api, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(rows));
    expect(imported.body, JSON.stringify(imported.body)).toMatchObject({ started: 1 });
    const [link] = await eventually('the first text', async () => (linksTo(phone).length > 0 ? linksTo(phone) : undefined));
    return { accountRef, workflowId: `debtor/${campaignId}/${accountRef}`, phone, link: link! };
  }

  const open = async (link: string) => {
    const response = await fetch(`${api}${link}`);
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const submit = async (link: string, form: Record<string, string>) => {
    const response = await fetch(`${api}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    return { status: response.status, html: await response.text() };
  };
  const formKey = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];
  const reference = (html: string) => /Reference ([\w-]+)/.exec(html)?.[1];
  const debtor = (workflowId: string) => stack.service.gateway.debtorState(workflowId);

  it('when the account is paid in full through its link, then the link answers 410 with a page saying it no longer works', async () => {
    const { workflowId, link } = await accountWithLink();
    const page = await open(link);
    expect(page.status).toBe(200);
    const paid = await submit(link, { action: 'pay', idempotencyKey: formKey(page.html)! });
    expect(paid.status).toBe(200);
    await eventually('the payment', async () => ((await debtor(workflowId)).outcome === 'paid' ? true : undefined));

    const after = await open(link);
    expect(after.status).toBe(410);
    expect(after.headers.get('content-type')).toMatch(/text\/html/);
    expect(after.html).toMatch(/no longer works/);
    expect(after.html).toMatch(/nothing more is due/);
    expect((await submit(link, { action: 'pay', idempotencyKey: randomUUID() })).status).toBe(410);
  });

  it('when a newer link is texted (the debtor replies PAY), then the older link answers 410 and the newer one opens the page', async () => {
    const { phone, link: older } = await accountWithLink();
    await stack.simulator.people.sendSms(phone, 'PAY');
    const newer = await eventually('the second link', async () => linksTo(phone)[1]);

    const superseded = await open(older);
    expect(superseded.status).toBe(410);
    expect(superseded.html).toMatch(/a newer one was sent to you/);
    expect((await open(newer)).status).toBe(200);
  });

  it.each([
    ['closed', 'close', { reason: 'settled elsewhere' }],
    ['disputed', 'dispute', { reason: 'not my debt' }],
    ['ceased', 'cease', { source: 'letter of 2026-11-20' }],
  ])('when the account is %s, then its link answers 410 and takes no payment', async (_outcome, action, body) => {
    const { accountRef, workflowId, link } = await accountWithLink();
    const key = formKey((await open(link)).html)!;
    expect((await call(api, 'POST', `/campaigns/${campaignId}/debtors/${accountRef}/${action}`, body)).status).toBe(200);

    const page = await open(link);
    expect(page.status).toBe(410);
    expect(page.html).toMatch(/can no longer be paid online/);
    expect((await submit(link, { action: 'pay', idempotencyKey: key })).status).toBe(410);
    expect((await debtor(workflowId)).paidMinor).toBe(0);
  });

  it('when a link is texted, then it works for 72 hours by default', async () => {
    const before = Date.now();
    const { link } = await accountWithLink();
    const claims = JSON.parse(Buffer.from(link.split('/pay/')[1]!.split('.')[0]!, 'base64url').toString('utf8'));
    expect(claims.e).toBeGreaterThanOrEqual(before - 60_000 + 72 * hour);
    expect(claims.e).toBeLessThanOrEqual(Date.now() + 72 * hour);
  });

  it('when the payment page or its 410 page is served, then it is neither cached, framed nor named in a Referer', async () => {
    const { accountRef, link } = await accountWithLink();
    const live = await open(link);
    await call(api, 'POST', `/campaigns/${campaignId}/debtors/${accountRef}/close`, { reason: 'test' });
    const gone = await open(link);
    for (const { headers } of [live, gone]) {
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect([live.status, gone.status]).toEqual([200, 410]);
  });

  it('when the payment form is submitted twice, then it is one payment and both answers show the same reference', async () => {
    const { workflowId, link } = await accountWithLink();
    const form = { action: 'pay', amount: '10.00', idempotencyKey: formKey((await open(link)).html)! };
    const [first, second] = await Promise.all([submit(link, form), submit(link, form)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(reference(first.html)).toBeDefined();
    expect(reference(second.html)).toBe(reference(first.html));

    await eventually('the payment', async () => ((await debtor(workflowId)).paidMinor > 0 ? true : undefined));
    const third = await submit(link, form);
    expect(reference(third.html)).toBe(reference(first.html));
    await new Promise((r) => setTimeout(r, 500));
    expect(await debtor(workflowId)).toMatchObject({ paidMinor: 1000, balanceMinor: 11_500 });
  });

  it("when a payment webhook's signed timestamp is more than 5 minutes off (a captured webhook replayed later), then it is refused", async () => {
    const { workflowId } = await accountWithLink();
    const secret = stack.env.PAYMENT_WEBHOOK_SECRET!;
    const body = JSON.stringify({ paymentId: `wh-${randomUUID()}`, workflowId, amountMinor: 100, currency: 'USD', at: Date.now() });
    const post = (signature: string) =>
      fetch(`${api}/webhooks/payments/demo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-parley-signature': signature }, body }).then((r) => r.status);

    const now = Date.now();
    expect(await post(signWebhook(secret, body, now - 6 * 60_000))).toBe(403);
    expect(await post(signWebhook(secret, body, now + 6 * 60_000))).toBe(403);
    expect(await post(signWebhook(secret, `${body} `, now))).toBe(403);
    const fresh = signWebhook(secret, body, now);
    expect(await post(fresh)).toBe(200);
    // Within the tolerance a repeat is the provider retrying: answered, and recorded once.
    expect(await post(fresh)).toBe(200);
    await eventually('the payment', async () => ((await debtor(workflowId)).paidMinor > 0 ? true : undefined));
    expect((await debtor(workflowId)).paidMinor).toBe(100);
  });

  it('when `parley serve` is configured with the demo payment provider, then it refuses to start with exit 2 naming PAYMENT_PROVIDER', async () => {
    const result = await runCli(['serve'], { PAYMENT_PROVIDER: 'demo' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PAYMENT_PROVIDER: "demo" accepts every payment and moves no money/);
  });
});
