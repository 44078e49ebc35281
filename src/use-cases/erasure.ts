import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error';
import type { ErasureRecord, Repositories } from '../adapters/mongo/repositories';
import { complianceRecordsUntil, debtorKept, maskNames, respondentKept, type KeptRecord } from '../policy/erasure-terms';
import { RespondentGateway } from '../temporal/respondent-gateway';
import { findDebtor, type DebtorRef } from './debtors';
import { getSurvey } from './surveys';
import type { RespondentKey } from './respondents';
import type { UseCaseDeps } from './use-case-deps';

// A person asks to be forgotten. Their workflow must have ended (a running one would go on
// contacting them); then what names or quotes them is erased, what the law keeps stays, and the
// erasure itself is recorded with the reason for everything kept.

export interface ErasureRequest {
  /** Who asked, and how (a letter, a ticket): kept in the record. */
  reason: string;
  /** Who carried it out (src/auth). */
  actor: string;
}

type Erased = ErasureRecord['erased'];

export async function eraseDebtor(deps: UseCaseDeps, ref: DebtorRef, request: ErasureRequest): Promise<ErasureRecord> {
  const debtor = await findDebtor(deps, ref);
  const closedAt = await requireEnded(deps, debtor.workflowId, () => {
    const debtorPath = `/campaigns/${ref.campaignId}/debtors/${ref.accountRef}`;
    return `the account's workflow is still running (status ${debtor.status}) and would go on contacting the person: close it first (POST ${debtorPath}/close, or ${debtorPath}/cease when they asked us to stop communicating), then ask again`;
  });
  // Regulation F's three years run from the last collection activity: the workflow's end.
  const until = complianceRecordsUntil(closedAt ?? debtor.updatedAt);
  const collectorWords = Date.now() < until.getTime();
  const names = [debtor.fullName, debtor.firstName];
  const { erasure } = deps.mongo.repositories;
  const erased: Erased = [
    { what: 'name, phone number, birth year, zip code and segment data in the debtor record', records: await erasure.eraseDebtorProfile(debtor.workflowId) },
    ...(await eraseContactsAndCalls(erasure, debtor.workflowId, collectorWords ? (said) => maskNames(said, names) : undefined)),
  ];
  const subject = { kind: 'debtor' as const, workflowId: debtor.workflowId, groupId: ref.campaignId, ref: ref.accountRef };
  return recordErasure(deps.mongo.repositories, subject, request, erased, debtorKept(until, collectorWords));
}

export async function eraseRespondent(deps: UseCaseDeps, key: RespondentKey, request: ErasureRequest): Promise<ErasureRecord> {
  const { erasure, respondents } = deps.mongo.repositories;
  await getSurvey(deps, key.surveyId);
  const respondent = await respondents.byWorkflowId(RespondentGateway.workflowId(key.surveyId, key.respondentRef));
  if (!respondent) throw new AppError('not_found', `no respondent '${key.respondentRef}' in survey '${key.surveyId}'`, 404);
  await requireEnded(deps, respondent.workflowId, () => {
    const pause = `POST /surveys/${key.surveyId}/respondents/${key.respondentRef}/pause`;
    return `the respondent's survey is still running (status ${respondent.status}) and would go on contacting them: it ends when they finish, decline or opt out, or when its cadence runs out; ${pause} stops contact meanwhile. Ask again once it has ended`;
  });
  const freeText = await freeTextQuestions(deps, key.surveyId, await erasure.answeredVersions(respondent.workflowId));
  const erased: Erased = [
    { what: 'phone number, first name and hidden fields in the respondent record', records: await erasure.eraseRespondentProfile(respondent.workflowId) },
    { what: 'the words of every answer, the reasons given in their own words, and the answers to free-text questions', records: await erasure.eraseSurveyWords(respondent.workflowId, freeText) },
    ...(await eraseContactsAndCalls(erasure, respondent.workflowId, undefined)),
  ];
  const subject = { kind: 'respondent' as const, workflowId: respondent.workflowId, groupId: key.surveyId, ref: key.respondentRef };
  return recordErasure(deps.mongo.repositories, subject, request, erased, respondentKept());
}

/** Refuses (409) while the workflow runs; answers when it closed, if the server still knows. */
async function requireEnded(deps: UseCaseDeps, workflowId: string, whyRefused: () => string): Promise<Date | undefined> {
  const run = await deps.gateway.personWorkflow(workflowId);
  if (run?.running) throw new AppError('still_running', `erasure refused: ${whyRefused()}`, 409);
  return run?.closedAt;
}

/** What every person's erasure removes from contacts, calls and tasks. `said`: how the service's own words are kept, if they are. */
async function eraseContactsAndCalls(erasure: Repositories['erasure'], workflowId: string, said: ((text: string) => string) | undefined): Promise<Erased> {
  return [
    { what: 'the number each text went to and each call dialled (contact attempts)', records: await erasure.eraseContactNumbers(workflowId) },
    {
      what: `what the person said on each call (words, keys pressed, details taken from them)${said ? '' : ', and what the service said'}`,
      records: await erasure.eraseCallWords(workflowId, said),
    },
    { what: 'the hand-off summaries of calls', records: await erasure.eraseCallSummaries(workflowId) },
    { what: 'the synthesized speech of calls (deleted)', records: await erasure.deleteSpeechClips(workflowId) },
    { what: 'the summaries and call transcripts of tasks handed to a person', records: await erasure.eraseTaskTexts(workflowId) },
  ];
}

async function freeTextQuestions(deps: UseCaseDeps, surveyId: string, versions: number[]): Promise<string[]> {
  const surveys = await Promise.all(versions.map((version) => getSurvey(deps, surveyId, version)));
  return [...new Set(surveys.flatMap((survey) => survey.document.questions.filter((q) => q.type === 'free-text').map((q) => q.id)))];
}

async function recordErasure(
  repositories: Repositories,
  subject: ErasureRecord['subject'],
  request: ErasureRequest,
  erased: Erased,
  kept: KeptRecord[],
): Promise<ErasureRecord> {
  const record = { erasureId: randomUUID(), subject, requestedBy: request.actor, reason: request.reason, at: new Date(), erased, kept };
  await repositories.erasure.record(record);
  return record;
}
