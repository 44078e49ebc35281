import { TwimlError, parseTwiml, textContent } from '../twiml/twiml-document';
import type { HttpMethod } from '../webhooks/webhook-sender';

export interface MessagingReply {
  body: string;
  /** Defaults to the sender of the incoming message. */
  to: string | undefined;
  /** Defaults to the number the incoming message was sent to. */
  from: string | undefined;
  statusCallback: string | undefined;
  statusCallbackMethod: HttpMethod;
}

/**
 * The <Message> replies of a messaging webhook's answer. An empty answer means no reply.
 * <Redirect> is valid messaging TwiML that the simulator does not follow: it is reported, not run.
 */
export function messagingReplies(xml: string): { replies: MessagingReply[]; unsupported: string[] } {
  if (xml.trim() === '') return { replies: [], unsupported: [] };
  const response = parseTwiml(xml);
  const replies: MessagingReply[] = [];
  const unsupported: string[] = [];
  for (const verb of response.children) {
    if (verb.name === 'Redirect') {
      unsupported.push('Redirect');
      continue;
    }
    if (verb.name !== 'Message') throw new TwimlError(12200, `<${verb.name}> is not a messaging TwiML verb`);
    const bodyElement = verb.children.find((child) => child.name === 'Body');
    const strayChild = verb.children.find((child) => child.name !== 'Body' && child.name !== 'Media');
    if (strayChild) throw new TwimlError(12200, `<${strayChild.name}> is not allowed inside <Message>`);
    replies.push({
      body: bodyElement ? textContent(bodyElement) : verb.text,
      to: verb.attributes.to,
      from: verb.attributes.from,
      // "action" is the older name of the per-message status callback.
      statusCallback: verb.attributes.statusCallback ?? verb.attributes.action,
      statusCallbackMethod: verb.attributes.method?.toUpperCase() === 'GET' ? 'GET' : 'POST',
    });
  }
  return { replies, unsupported };
}
