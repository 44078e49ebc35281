import type { Campaign } from '../campaigns/campaign-schema';
import type { ArmedCampaign } from '../experiments/arms';
import { LANGUAGES, type Language } from '../dialog/language';
import { STRATEGIES, type TurnContext } from '../dialog/turn-context';
import { turnContextSchema } from '../dialog/turn-context-schema';
import { INTENTS, type Intent } from '../dialog/turn-schema';
import { accountRefLast4 } from '../dialog/verification';
import { limitedContentVoicemail } from '../dialog/voicemail';

/**
 * What one call needs from its campaign, computed once when the call starts: the dialog engine's
 * first turn context, the voicemail text and where a hand-off goes. Small enough for a payload.
 */

export interface CallDebtor {
  fullName: string;
  firstName: string;
  language: string;
  timeZone: string;
  currency: string;
  dueDate: string;
  birthYear?: number;
  accountRef: string;
  zip?: string;
}

export interface CallSetup {
  context: TurnContext;
  language: Language;
  dtmf: boolean;
  voicemailPolicy: 'limited-content-message' | 'hang-up';
  /** §1006.2(j) limited-content message: no debt, no consumer's name. */
  voicemailText: string;
  /** Where a hand-off goes; none when the campaign names no agent number or queue. */
  agent: { kind: 'number'; number: string } | { kind: 'queue'; name: string } | null;
}

// Used when the campaign's voice section names nobody; campaigns should set their own.
const defaultAgentName = 'Sam Taylor';
// A limited-content message must not name a debt collection business (12 CFR 1006.2(j)).
const defaultBusinessName = 'our office';

export function callLanguage(campaign: Campaign, wanted: string): Language {
  const supported = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag) && campaign.languages.includes(tag);
  if (supported(wanted)) return wanted;
  return campaign.languages.find(supported) ?? 'en';
}

/** Only the answers the campaign asks for go into the call. */
function verificationAnswers(campaign: Campaign, debtor: CallDebtor): Pick<TurnContext['debtor'], 'birthYear' | 'zip' | 'accountLast4'> {
  const { secondFactor } = campaign.verification;
  return {
    birthYear: debtor.birthYear,
    ...(secondFactor === 'zip' ? { zip: debtor.zip } : {}),
    ...(secondFactor === 'account-last-4' ? { accountLast4: accountRefLast4(debtor.accountRef) } : {}),
  };
}

/** The campaign's FAQ in the call language; none when the campaign has none. */
function callFaq(campaign: Campaign, language: Language): Pick<TurnContext, 'faq'> {
  const faq = campaign.faq.flatMap(({ id, questions, answer, afterVerification }) => {
    const phrasings = questions[language];
    const spoken = answer[language];
    return phrasings && spoken ? [{ id, phrasings, answer: spoken, afterVerification }] : [];
  });
  return faq.length > 0 ? { faq } : {};
}

/** An experiment arm's wording of the script in the call language; none when the person's arms leave it as written. */
function armedScript(campaign: ArmedCampaign, language: Language, names: { agentName: string; fullName: string; firstName: string }): Pick<TurnContext, 'greeting' | 'leadOffer'> {
  const worded = campaign.script?.greeting?.[language];
  const greeting = worded?.replace(/\{\{\s*(agentName|fullName|firstName)\s*\}\}/g, (_, name: keyof typeof names) => names[name]);
  const leadOffer = campaign.script?.leadOffer;
  return { ...(greeting ? { greeting } : {}), ...(leadOffer ? { leadOffer } : {}) };
}

export function buildCallSetup(
  campaign: ArmedCampaign,
  input: { debtor: CallDebtor; strategy: string; balanceMinor: number; initialCommunication: boolean; now: number },
  defaults: { callbackNumber: string },
): CallSetup {
  const language = callLanguage(campaign, input.debtor.language);
  const voice = campaign.voice;
  const agentName = voice.agentName ?? defaultAgentName;
  const callbackNumber = voice.callbackNumber ?? defaults.callbackNumber;
  const plan = campaign.offers.instalmentPlan;
  const strategy = (STRATEGIES as readonly string[]).includes(input.strategy) ? input.strategy : campaign.defaultStrategy;
  const context = turnContextSchema.parse({
    language,
    state: 'greeting',
    strategy,
    collector: { agentName, companyName: campaign.name, callbackNumber },
    debtor: { firstName: input.debtor.firstName, fullName: input.debtor.fullName, ...verificationAnswers(campaign, input.debtor) },
    verification: campaign.verification,
    account: { creditorName: campaign.name, amountDueMinor: input.balanceMinor, currency: input.debtor.currency, dueDate: input.debtor.dueDate },
    offers: {
      maxInstalments: plan?.maxInstalments ?? 1,
      minInstalmentAmountMinor: plan?.minInstalmentAmount ?? input.balanceMinor,
      maxDaysOut: campaign.offers.promiseToPay.maxDaysOut,
    },
    escalation: {
      minConfidence: campaign.escalation.minConfidence,
      minSentiment: campaign.escalation.minSentiment,
      alwaysHumanIntents: campaign.escalation.alwaysHumanIntents.filter((i): i is Intent => (INTENTS as readonly string[]).includes(i)),
      maxConsecutiveNotUnderstood: campaign.escalation.maxConsecutiveNotUnderstood,
    },
    disclosure: campaign.disclosures[language] ?? campaign.disclosures[campaign.languages[0]!],
    initialCommunication: input.initialCommunication,
    history: [],
    // The person's pick-up ("Hello?") is not transcribed: the greeting expects no answer.
    utterance: { text: '', asrConfidence: 1 },
    now: input.now,
    timeZone: input.debtor.timeZone,
    ...callFaq(campaign, language),
    ...armedScript(campaign, language, { agentName, fullName: input.debtor.fullName, firstName: input.debtor.firstName }),
  });
  const agent: CallSetup['agent'] = campaign.voice.agentNumber
    ? { kind: 'number', number: campaign.voice.agentNumber }
    : campaign.voice.agentQueue
      ? { kind: 'queue', name: campaign.voice.agentQueue }
      : null;
  return {
    context,
    language,
    dtmf: campaign.voice.dtmfFallback,
    voicemailPolicy: campaign.voice.voicemailPolicy,
    voicemailText: limitedContentVoicemail({ language, businessName: voice.businessName ?? defaultBusinessName, agentName, callbackNumber }),
    agent,
  };
}
