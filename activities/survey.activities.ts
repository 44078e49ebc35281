import { ApplicationFailure } from '@temporalio/activity';
import type { NewSurveyAnswer, Repositories, RespondentStatusMirror } from '../src/adapters/mongo/repositories';
import { redactSensitive } from '../src/policy/redaction';
import { surveyWithArms } from '../src/experiments/arms';
import { validateSurvey } from '../src/surveys/survey-validation';
import type { Survey } from '../src/surveys/survey-schema';
import type { LlmDialog } from '../src/adapters/openai/llm-dialog';
import { answerReadingMessages, checkReading } from '../src/surveys/llm-reading';
import type { ParsedAnswer, SurveyQuestion } from '../src/surveys/question-types';
import { createKpiRollup } from './kpi-rollup';

// The respondent workflow's reads and writes: its survey version, its answers, its status mirror.
// Every write is keyed, so a retry after a crash adds nothing twice.

export interface SurveyCallPrepared {
  survey: Survey;
  /** What the voice webhook URLs the call gives Twilio start with. */
  publicBaseUrl: string;
  /** 'llm': each answer to a question is read by the LLM first, checked, and by the rules when refused. */
  engine: 'rules' | 'llm';
  /** The reading activity's timeout: above the client's own, so the client gives up first. */
  llmTimeoutMs: number;
}

export interface SurveyDeps {
  repositories: Pick<Repositories, 'campaigns' | 'respondents' | 'surveyAnswers' | 'kpiRollups' | 'debtors'>;
  publicBaseUrl: string;
  /** Unset: the rules read every answer. */
  llm?: LlmDialog;
}

export function createSurveyActivities(deps: SurveyDeps) {
  const { campaigns, respondents, surveyAnswers } = deps.repositories;
  const kpis = createKpiRollup(deps.repositories);
  /** One immutable survey version, validated again so a respondent never runs on a bad document. */
  const loadSurveyVersion = async (input: { campaignId: string; version: number }): Promise<Survey> => {
    const doc = await campaigns.version(input.campaignId, input.version);
    if (!doc) throw ApplicationFailure.nonRetryable(`survey ${input.campaignId} has no version ${input.version}`, 'CampaignNotFound');
    const checked = validateSurvey(doc.document);
    if (!checked.ok) {
      const problems = checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      throw ApplicationFailure.nonRetryable(`survey ${input.campaignId} v${input.version} does not validate: ${problems}`, 'CampaignInvalid');
    }
    return checked.survey;
  };
  return {
    loadSurveyVersion,

    /** What a survey call is conducted with: the survey version, and where its webhooks go. */
    async prepareSurveyCall(input: { surveyId: string; version: number; experimentArms?: Record<string, string> }): Promise<SurveyCallPrepared> {
      const survey = surveyWithArms(await loadSurveyVersion({ campaignId: input.surveyId, version: input.version }), input.experimentArms ?? {});
      return { survey, publicBaseUrl: deps.publicBaseUrl, engine: deps.llm ? 'llm' : 'rules', llmTimeoutMs: (deps.llm?.timeoutMs ?? 8000) + 2000 };
    },

    /** The LLM's reading of one answer, checked against the question; no reading when it fails the check. */
    async readSurveyAnswer(input: { question: SurveyQuestion; language: string; utterance: string }): Promise<{ reading?: ParsedAnswer; violations: string[]; latencyMs: number }> {
      if (!deps.llm) throw ApplicationFailure.nonRetryable('no LLM is configured', 'LlmNotConfigured');
      const started = Date.now();
      const candidate = await deps.llm.readAnswer(answerReadingMessages(input.question, input.language, input.utterance));
      return { ...checkReading(input.question, candidate), latencyMs: Date.now() - started };
    },

    /** Redacted again here: whatever reaches the store has passed the redactor at least once on this side. An answer this call stored adds to the KPI rollups. */
    async recordSurveyAnswer(answer: NewSurveyAnswer): Promise<void> {
      if (await surveyAnswers.record({ ...answer, utterance: redactSensitive(answer.utterance) })) await kpis.surveyAnswer(answer);
    },

    async saveRespondentSnapshot(mirror: RespondentStatusMirror): Promise<void> {
      await respondents.saveStatus(mirror);
    },
  };
}
