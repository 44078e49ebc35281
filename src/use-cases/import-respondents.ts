import { AppError } from '../errors/app-error';
import type { RespondentRecordDoc } from '../adapters/mongo/repositories';
import { RespondentGateway } from '../temporal/respondent-gateway';
import type { RespondentProfile } from '../../workflows/respondent/respondent.messages';
import { respondentRowReader } from './respondent-row';
import { importRecords, readRecords, type ImportFile, type ImportOptions, type ImportReport } from './row-import';
import { getSurvey } from './surveys';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Imports a file of respondents into a survey: each good row is stored once under its
 * (survey, respondent) key and its workflow started on the survey's latest version; each bad row
 * is reported with the column at fault. Importing the same file again starts nothing new.
 */
export async function importRespondents(deps: UseCaseDeps, surveyId: string, file: ImportFile, options: ImportOptions = {}): Promise<ImportReport> {
  const survey = await getSurvey(deps, surveyId);
  // Like a campaign's: a paused survey contacts nobody, and a workflow cannot be started paused.
  if (survey.paused) throw new AppError('survey_paused', `survey '${surveyId}' is paused: resume it before importing respondents`, 409);
  return importRecords(readRecords(file, respondentRowReader(survey.document)), (respondent) => importRespondent(deps, surveyId, survey.version, respondent), options);
}

/** True when this row started the respondent's workflow; false when they were imported before. */
async function importRespondent(deps: UseCaseDeps, surveyId: string, surveyVersion: number, respondent: RespondentProfile): Promise<boolean> {
  const workflowId = RespondentGateway.workflowId(surveyId, respondent.respondentRef);
  const stored = await deps.mongo.repositories.respondents.storeOnce({ ...respondent, surveyId, surveyVersion, workflowId });
  // Started from the stored document even when it existed: an import cut short between the two
  // steps is completed by importing again, on the data and version of the first import, and the
  // gateway starts nothing for a workflow that runs or has run.
  const { started } = await deps.gateway.respondents.start({ surveyId, surveyVersion: stored.surveyVersion, respondent: storedRespondent(stored) });
  return started;
}

function storedRespondent(stored: RespondentRecordDoc): RespondentProfile {
  return {
    respondentRef: stored.respondentRef,
    phone: stored.phone,
    timeZone: stored.timeZone,
    language: stored.language,
    ...(stored.firstName != null ? { firstName: stored.firstName } : {}),
    hidden: (stored.hidden ?? {}) as Record<string, string>,
    artificialVoiceConsent: stored.artificialVoiceConsent,
  };
}
