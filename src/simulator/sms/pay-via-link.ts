import type { SimulatorContext } from '../context';

const LINK = /https?:\/\/[^\s<>"']+/i;

/** The first http(s) link of a text, without the punctuation that ends the sentence around it. */
export function firstLink(text: string): string | undefined {
  return LINK.exec(text)?.[0].replace(/[.,;:!?)\]]+$/, '');
}

/**
 * The person opens the first link of a message and pays, as a browser does: it loads the page,
 * then submits its form (action=pay with the page's hidden fields, no amount: the full balance).
 */
export async function payViaLink(context: SimulatorContext, phone: string, body: string): Promise<void> {
  const url = firstLink(body);
  if (!url) {
    context.log({ level: 'info', message: `${phone} wanted to pay via a link but the message had none` });
    return;
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), context.options.webhookTimeoutMs);
  const signal = AbortSignal.any([timeout.signal, context.lifetime]);
  try {
    const page = await fetch(url, { signal });
    const html = await page.text();
    // A page with no form (a link that no longer works) is where a person stops.
    let statusCode = page.status;
    if (page.ok) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...hiddenFields(html), action: 'pay' }).toString(),
        signal,
      });
      await response.arrayBuffer();
      statusCode = response.status;
    }
    context.store.recordLinkVisit({ phone, url, statusCode, error: null });
  } catch (error) {
    if (context.lifetime.aborted) throw error;
    context.store.recordLinkVisit({ phone, url, statusCode: null, error: (error as Error).message });
  } finally {
    clearTimeout(timer);
  }
}

/** The name and value of each hidden input of a page's form. */
function hiddenFields(html: string): Record<string, string> {
  const inputs = html.match(/<input\b[^>]*type="hidden"[^>]*>/gi) ?? [];
  return Object.fromEntries(
    inputs.flatMap((input) => {
      const name = /\bname="([^"]*)"/.exec(input)?.[1];
      return name === undefined ? [] : [[name, /\bvalue="([^"]*)"/.exec(input)?.[1] ?? '']];
    }),
  );
}
