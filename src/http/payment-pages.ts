import type { FastifyReply } from 'fastify';
import { escapeXml } from './twiml';

// The HTML of the payment page a texted link opens. A page that shows a debtor's name and balance
// to whoever holds the link is never cached, framed, or named in a Referer.

const securityHeaders = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** Why a link no longer opens its page. */
export type LinkGone = 'expired' | 'superseded' | 'paid' | 'closed';

const goneText: Record<LinkGone, string> = {
  expired: 'This payment link has expired. Reply PAY to our text message for a new one.',
  superseded: 'This payment link no longer works: a newer one was sent to you. Use the link in our latest text message, or reply PAY to it for a new one.',
  paid: 'This payment link no longer works: the account is paid and nothing more is due. Thank you. Reply HELP to our text message if you have a question.',
  closed: 'This payment link no longer works: this account can no longer be paid online. Reply HELP to our text message to find out how to reach us.',
};

/** Every answer on a /pay route carries the security headers, whatever sends it. */
export function withPageHeaders(reply: FastifyReply): FastifyReply {
  return reply.headers(securityHeaders);
}

export function sendPage(reply: FastifyReply, status: number, title: string, content: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><h1>${title}</h1>${content}</body></html>`);
}

export function sendGone(reply: FastifyReply, why: LinkGone): FastifyReply {
  return sendPage(reply, 410, 'This link no longer works', `<p>${escapeXml(goneText[why])}</p>`);
}

export function sendNotValid(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 404, 'This link is not valid', '<p>Check that the whole link from our text message was opened, or reply PAY to it for a new one.</p>');
}

/** The form posts the key it was rendered with, so submitting it twice is one payment. */
export function payForm(amountDue: string, idempotencyKey: string): string {
  return `<p>Amount due: <strong>${escapeXml(amountDue)}</strong></p>
<form method="post"><input type="hidden" name="action" value="pay"><input type="hidden" name="idempotencyKey" value="${escapeXml(idempotencyKey)}">
<label>Amount <input name="amount" inputmode="decimal" placeholder="${escapeXml(amountDue)}"></label>
<button type="submit">Pay</button></form>`;
}

export function receipt(amount: string, paymentId: string): string {
  return `<p>Your payment of ${escapeXml(amount)} is being processed. Reference ${escapeXml(paymentId)}.</p>`;
}
