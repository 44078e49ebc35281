import type { Repositories } from '../adapters/mongo/repositories';
import type { Logger } from '../logging/logger';
import { redactSensitive } from '../policy/redaction';
import { classifyInboundSms } from '../policy/sms-keywords';
import type { TemporalGateway } from '../temporal/gateway';
import { GatewayError } from '../temporal/gateway-error';
import { terminalOutcomes, type InboundSms } from '../../workflows/debtor/debtor.messages';
import { respondentOutcomes } from '../../workflows/respondent/respondent.messages';
import type { Campaign } from '../campaigns/campaign-schema';

export interface InboundSmsRequest {
  messageSid: string;
  from: string;
  body: string;
}

// One confirmation text is allowed after a revocation (47 CFR 64.1200(a)(10)).
const optOutConfirmation: Record<string, (campaignName: string) => string> = {
  en: (name) => `You are unsubscribed from ${name} texts and will receive no more. Reply HELP for help.`,
  'zh-CN': (name) => `您已退订${name}的短信，将不再收到。回复"帮助"获取帮助。`,
};


/**
 * A text from a person. An opt-out is written to the consent ledger before anything else, so it
 * holds for every campaign and channel from this moment, even if a workflow is slow to hear of it;
 * then every open account on that number is told. Returns the text to answer with, if any.
 */
export async function handleInboundSms(
  deps: { repositories: Pick<Repositories, 'consent' | 'debtors' | 'respondents' | 'campaigns'>; gateway: TemporalGateway; logger: Logger },
  sms: InboundSmsRequest,
): Promise<{ reply?: string }> {
  // The body enters workflow histories with the signal; nothing downstream needs a card number
  // (payments go through the link), so it is redacted before anything reads it.
  const body = redactSensitive(sms.body);
  const classification = classifyInboundSms(body);
  // "Please stop texting me" is a revocation too: when in doubt, honour it.
  const kind: InboundSms['kind'] = classification.kind === 'free-text' && classification.mentionsOptOutWord ? 'opt-out' : classification.kind;

  // The person's own words, so an opt-in here lifts their opt-out (an operator's needs evidence).
  if (kind === 'opt-out' || kind === 'opt-in') {
    await deps.repositories.consent.record({ eventKey: `sms:${sms.messageSid}`, phone: sms.from, kind, channel: 'sms', source: `sms:${classification.keyword ?? 'free-text'}` });
  }

  const people = await openOnPhone(deps.repositories, sms.from);
  for (const person of people) {
    try {
      await deps.gateway.inboundSms(person.workflowId, { messageSid: sms.messageSid, kind, body });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      deps.logger.info({ workflowId: person.workflowId }, 'inbound SMS for a person whose workflow has ended');
    }
  }
  deps.logger.info({ messageSid: sms.messageSid, kind, recipients: people.length }, 'inbound SMS');

  if (people.length === 0 && kind === 'free-text' && !(await deps.repositories.consent.ledger(sms.from)).permissions.smsOptedOut) {
    return closedSurveyReply(deps.repositories, sms.from);
  }
  const first = people[0];
  // A START is confirmed by Twilio itself (its opt-in keywords): a second confirmation would be noise.
  if (!first || (kind !== 'opt-out' && kind !== 'help')) return {};
  const campaign = await latestCampaign(deps.repositories.campaigns, first.campaignId);
  if (!campaign) return {};
  const language = campaign.languages.includes(first.language) ? first.language : campaign.languages[0];
  if (kind === 'help') return { reply: campaign.helpText[language] ?? Object.values(campaign.helpText)[0] };
  return { reply: (optOutConfirmation[language] ?? optOutConfirmation.en)(campaign.name) };
}

const closedSurveyText: Record<string, (surveyName: string) => string> = {
  en: (name) => `Thank you. The ${name} survey has closed and your answers are saved; there is nothing more to answer.`,
  'zh-CN': (name) => `谢谢。${name}已结束，您的回答已保存，无需再回复。`,
};
/** A reply this long after the survey ended is not taken for one to it. */
const closedReplyWindowMs = 30 * 24 * 3600 * 1000;

/** A text to a survey that has closed for this person (not by their opt-out) gets one answer saying so; later ones get none. */
async function closedSurveyReply(repositories: Pick<Repositories, 'respondents' | 'campaigns'>, phone: string): Promise<{ reply?: string }> {
  const ended = respondentOutcomes.filter((outcome) => outcome !== 'opted-out');
  const respondent = await repositories.respondents.claimClosedReply(phone, ended, new Date(Date.now() - closedReplyWindowMs));
  if (!respondent) return {};
  const survey = await latestCampaign(repositories.campaigns, respondent.surveyId);
  if (!survey) return {};
  const language = survey.languages.includes(respondent.language) ? respondent.language : survey.languages[0]!;
  return { reply: (closedSurveyText[language] ?? closedSurveyText.en!)(survey.name) };
}

/** Debtor accounts and survey respondents still open on the number: each hears the text. */
async function openOnPhone(repositories: Pick<Repositories, 'debtors' | 'respondents'>, phone: string) {
  const [debtors, respondents] = await Promise.all([repositories.debtors.runningOnPhone(phone, terminalOutcomes), repositories.respondents.runningOnPhone(phone, respondentOutcomes)]);
  return [
    ...debtors.map((d) => ({ workflowId: d.workflowId, campaignId: d.campaignId, language: d.language })),
    ...respondents.map((r) => ({ workflowId: r.workflowId, campaignId: r.surveyId, language: r.language })),
  ];
}

/** The latest document of a campaign or survey: both have a name, languages and help texts. */
async function latestCampaign(campaigns: Repositories['campaigns'], campaignId: string): Promise<Pick<Campaign, 'name' | 'languages' | 'helpText'> | undefined> {
  const state = await campaigns.state(campaignId);
  if (!state) return undefined;
  const version = await campaigns.version(campaignId, state.latestVersion);
  return version?.document as Campaign | undefined;
}
