import type { SimulatorContext } from '../context';

const LINK = /https?:\/\/[^\s<>"']+/i;

/** The first http(s) link of a text, without the punctuation that ends the sentence around it. */
export function firstLink(text: string): string | undefined {
  return LINK.exec(text)?.[0].replace(/[.,;:!?)\]]+$/, '');
}

/**
 * The person opens the first link of a message and pays: a form POST of action=pay, which the
 * service's demo payment page takes as paying the full balance. Not signed: this is a browser.
 */
export async function payViaLink(context: SimulatorContext, phone: string, body: string): Promise<void> {
  const url = firstLink(body);
  if (!url) {
    context.log({ level: 'info', message: `${phone} wanted to pay via a link but the message had none` });
    return;
  }
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), context.options.webhookTimeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'pay' }).toString(),
      signal: AbortSignal.any([timeout.signal, context.lifetime]),
    });
    await response.arrayBuffer();
    context.store.recordLinkVisit({ phone, url, statusCode: response.status, error: null });
  } catch (error) {
    if (context.lifetime.aborted) throw error;
    context.store.recordLinkVisit({ phone, url, statusCode: null, error: (error as Error).message });
  } finally {
    clearTimeout(timer);
  }
}
