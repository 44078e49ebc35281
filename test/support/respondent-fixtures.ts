import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import { validateSurvey } from '../../src/surveys/survey-validation';
import type { Survey } from '../../src/surveys/survey-schema';
import { RespondentGateway } from '../../src/temporal/respondent-gateway';
import type { RespondentProfile, RespondentView } from '../../workflows/respondent/respondent.messages';
import type { CollectionsStack } from './collections-stack';
import type { StateReader } from './debtor-fixtures';

// Survey respondents for the journey tests: the example survey stored as version 1, and a
// respondent started the way an import starts one, answering as a simulator persona.

export const readRespondent: StateReader<RespondentView> = (gateway, workflowId) => gateway.respondents.state(workflowId);

export function demoSurvey(): Survey {
  const file = path.resolve(__dirname, '../../examples/surveys/satisfaction-demo.yaml');
  const checked = validateSurvey(parseCampaignDocument(readFileSync(file, 'utf8'), 'yaml'));
  if (!checked.ok) throw new Error(`demo survey invalid: ${JSON.stringify(checked.errors)}`);
  return checked.survey;
}

export async function storeDemoSurvey(stack: CollectionsStack, survey: Survey): Promise<void> {
  const { campaigns } = stack.service.mongo.repositories;
  await campaigns.insertVersion({ campaignId: survey.id, version: 1, name: survey.name, document: JSON.parse(JSON.stringify(survey)) });
  await campaigns.advanceLatestVersion(survey.id, 1);
}

export async function beginRespondent(
  stack: CollectionsStack,
  survey: Survey,
  person: { respondentRef: string; phone: string; persona: string },
  overrides: Partial<RespondentProfile> = {},
): Promise<string> {
  const { respondentRef, phone, persona } = person;
  stack.simulator.people.assign(phone, persona);
  const respondent: RespondentProfile = {
    respondentRef,
    phone,
    timeZone: 'America/New_York',
    language: 'en',
    firstName: 'Avery',
    hidden: { order: 'A-1001', agent: 'Jamie' },
    artificialVoiceConsent: false,
    ...overrides,
  };
  const workflowId = RespondentGateway.workflowId(survey.id, respondentRef);
  await stack.service.mongo.repositories.respondents.storeOnce({ ...respondent, workflowId, surveyId: survey.id, surveyVersion: 1 });
  await stack.service.gateway.respondents.start({ surveyId: survey.id, surveyVersion: 1, respondent });
  return workflowId;
}
