import type { SimulatorContext } from '../context';
import type { Person } from '../personas/people-registry';
import { chooseReply, fillPlaceholders } from '../personas/persona-replies';
import { receiveFromPerson } from './inbound-messages';
import { payViaLink } from './pay-via-link';

/** What a person does after receiving a text, as their persona says, within its reply limit. */
export async function reactToMessage(context: SimulatorContext, person: Person, messageSid: string): Promise<void> {
  const sms = person.persona.sms;
  if (sms.on === 'ignore' || person.smsReactions >= sms.replyLimit) return;
  if (sms.when === 'on-a-call' && context.store.listCalls({ phone: person.phone, status: 'in-progress' }).length === 0) return;
  person.smsReactions += 1;
  const message = context.store.message(messageSid)!;
  await context.clock.wait(sms.afterSeconds * 1000);
  if (sms.on === 'reply') {
    receiveFromPerson(context, person.phone, message.from, fillPlaceholders(sms.text, person.identity, []));
  } else if (sms.on === 'converse') {
    const { reply, nextScriptCursor } = chooseReply(person.persona.conversation, message.body, person.smsScriptCursor, person.identity);
    person.smsScriptCursor = nextScriptCursor;
    const text = reply.kind === 'speech' ? reply.text : reply.kind === 'digits' ? reply.digits : undefined;
    if (text !== undefined) receiveFromPerson(context, person.phone, message.from, text);
  } else {
    await payViaLink(context, person.phone, message.body);
  }
}
