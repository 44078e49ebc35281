import { AppError } from '../errors/app-error';
import type { CampaignDocumentFormat } from '../campaigns/campaign-document';
import type { FieldError } from '../campaigns/document-validation';
import { validateSurvey } from '../surveys/survey-validation';
import type { Survey } from '../surveys/survey-schema';
import { broadcast, campaignRejection, campaignState, checkOutreachDocument, isSurveyDocument, pauseCampaign, resumeCampaign, saveNextVersion, type BroadcastReport } from './campaigns';
import type { UseCaseDeps } from './use-case-deps';

// Survey documents live in the outreach document store beside collections campaigns: the same
// immutable versions, the same state (latest version, paused), one id space. A new version, a
// pause and a resume reach the running respondents through the same campaign broadcast.

export type SurveyDocumentValidation = { ok: true; survey: Survey } | { ok: false; unreadable: boolean; errors: FieldError[] };

export interface StoredSurvey {
  surveyId: string;
  version: number;
  latestVersion: number;
  name: string;
  paused: boolean;
  createdAt: Date;
  document: Survey;
}

/** A survey document as text (YAML or JSON) or as data already parsed, checked field by field. */
export function validateSurveyDocument(document: string | object, format: CampaignDocumentFormat): SurveyDocumentValidation {
  const checked = checkOutreachDocument(document, format, (data) => {
    const survey = validateSurvey(data);
    return survey.ok ? { ok: true, document: survey.survey } : survey;
  });
  return checked.ok ? { ok: true, survey: checked.document } : checked;
}

/** Saves the document as the survey's next version; one equal to the latest saves nothing. */
/** How far a survey-wide change got: respondents told (or skipped: ended meanwhile) and the broadcast's workflow. */
export interface SurveyBroadcastReport {
  respondents: BroadcastReport['debtors'];
  broadcast: BroadcastReport['broadcast'];
}

export interface AppliedSurvey extends Partial<SurveyBroadcastReport> {
  surveyId: string;
  version: number;
  created: boolean;
}

export interface SurveyRunState extends SurveyBroadcastReport {
  surveyId: string;
  paused: boolean;
}

export async function applySurvey(deps: UseCaseDeps, document: string | object, format: CampaignDocumentFormat, actor: string): Promise<AppliedSurvey> {
  const checked = validateSurveyDocument(document, format);
  if (!checked.ok) {
    if (checked.unreadable) throw campaignRejection(checked);
    throw new AppError('invalid_survey', `the survey document has ${checked.errors.length} problem(s)`, 422, checked.errors);
  }
  // Stored as plain JSON, the form it reads back in, so "equal to the latest version" compares like with like.
  const survey = JSON.parse(JSON.stringify(checked.survey)) as Survey;
  const { version, created } = await saveNextVersion(deps, survey, actor);
  await deps.mongo.repositories.campaigns.advanceLatestVersion(survey.id, version);
  // A first version has no respondents yet: they are imported into an applied survey.
  if (!created || version === 1) return { surveyId: survey.id, version, created };
  return { surveyId: survey.id, version, created, ...told(await broadcast(deps, survey.id, { kind: 'version', version })) };
}

/** Stops contact for every running respondent (and, while paused, the survey takes no imports). */
export async function pauseSurvey(deps: UseCaseDeps, surveyId: string, actor: string): Promise<SurveyRunState> {
  await getSurvey(deps, surveyId);
  const { paused, ...report } = await pauseCampaign(deps, surveyId, actor);
  return { surveyId, paused, ...told(report) };
}

/** Resumes contact for every respondent the survey's pause paused; an operator's own pause stays. */
export async function resumeSurvey(deps: UseCaseDeps, surveyId: string, actor: string): Promise<SurveyRunState> {
  await getSurvey(deps, surveyId);
  const { paused, ...report } = await resumeCampaign(deps, surveyId, actor);
  return { surveyId, paused, ...told(report) };
}

function told(report: BroadcastReport): SurveyBroadcastReport {
  return { respondents: report.debtors, broadcast: report.broadcast };
}

/** The latest version of a survey, or the one asked for; 404 for an id that is no survey. */
export async function getSurvey(deps: UseCaseDeps, surveyId: string, version?: number): Promise<StoredSurvey> {
  const state = await campaignState(deps, surveyId).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 404 ? new AppError('not_found', `no survey '${surveyId}': apply its document first`, 404) : err;
  });
  const wanted = version ?? state.latestVersion;
  const stored = await deps.mongo.repositories.campaigns.version(surveyId, wanted);
  if (!stored) throw new AppError('not_found', `survey '${surveyId}' has no version ${wanted} (the latest is ${state.latestVersion})`, 404);
  if (!isSurveyDocument(stored.document)) throw new AppError('not_found', `'${surveyId}' is a collections campaign, not a survey: GET /campaigns/${surveyId}`, 404);
  const checked = validateSurvey(stored.document);
  if (!checked.ok) throw new Error(`survey ${surveyId} v${wanted} no longer validates: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return { surveyId, version: stored.version, latestVersion: state.latestVersion, name: stored.name, paused: state.paused, createdAt: stored.createdAt, document: checked.survey };
}
