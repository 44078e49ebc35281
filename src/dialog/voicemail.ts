import type { Language } from './language';

/**
 * A limited-content message (12 CFR 1006.2(j)): a voicemail that is not a communication about a debt,
 * so a housemate hearing it learns nothing. Required content: a business name that does not indicate
 * debt collection, a request to reply, a natural person's name to reply to, and a telephone number.
 * Optional content used here: a salutation, and that any representative can take the call. Nothing
 * else may be added, not even the consumer's name.
 */
export interface VoicemailInput {
  language: Language;
  /** Must not indicate that the caller is in the debt collection business. */
  businessName: string;
  agentName: string;
  callbackNumber: string;
}

export function limitedContentVoicemail({ language, businessName, agentName, callbackNumber }: VoicemailInput): string {
  return language === 'en'
    ? `Hello, this is ${agentName} with ${businessName}. Please call me back at ${callbackNumber}. When you call, you may speak with any of our representatives.`
    : `您好，我是${businessName}的${agentName}。请回电${callbackNumber}。回电时，您可以与我们的任何一位代表通话。`;
}
