import type { Repositories } from '../src/adapters/mongo/repositories';
import type { SmsGateway } from '../src/adapters/twilio/twilio-sms';
import type { PaymentLinks } from '../src/payments/payment-links';
import { createSelfCheckActivities } from './self-check.activities';
import { createCampaignVersionActivities } from './campaign-versions.activities';
import { createRecordActivities } from './records.activities';
import { createContactActivities } from './contact.activities';
import { createCallActivities, type CallDeps } from './call.activities';
import { createSpeechActivities, type SpeechDeps } from './speech.activities';
import { createDialogActivities } from './dialog.activities';
import { createCampaignBroadcastActivities, type BroadcastDeps } from './campaign-broadcast.activities';
import { createSurveyActivities } from './survey.activities';

/** What the activities need from the outside world; the worker passes the real adapters. */
export interface ActivityDeps {
  repositories: Repositories;
  sms: SmsGateway;
  paymentLinks: PaymentLinks;
  publicBaseUrl: string;
  /** Voice calls: the Twilio call adapter, caller id, machine detection and the LLM (optional). */
  voice: Omit<CallDeps, 'repositories' | 'publicBaseUrl'>;
  /** Speech engines other than Twilio's own (SPEECH_ENGINE), and the recording download. */
  speech: Omit<SpeechDeps, 'repositories' | 'publicBaseUrl'>;
  /** Campaign broadcasts (pause, resume, a new version) reach debtor workflows through the service's gateway. */
  debtorWorkflows: BroadcastDeps['debtorWorkflows'];
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createSelfCheckActivities(deps),
    ...createCampaignVersionActivities(deps),
    ...createRecordActivities(deps),
    ...createContactActivities(deps),
    ...createCallActivities({ ...deps.voice, repositories: deps.repositories, publicBaseUrl: deps.publicBaseUrl }),
    ...createSpeechActivities({ ...deps.speech, repositories: deps.repositories, publicBaseUrl: deps.publicBaseUrl }),
    ...createDialogActivities(),
    ...createSurveyActivities({ ...deps, llm: deps.voice.llm }),
    ...createCampaignBroadcastActivities({ repositories: deps.repositories, debtorWorkflows: deps.debtorWorkflows }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
