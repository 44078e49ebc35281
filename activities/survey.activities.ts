import { ApplicationFailure } from '@temporalio/activity';
import type { NewSurveyAnswer, Repositories, RespondentStatusMirror } from '../src/adapters/mongo/repositories';
import { redactSensitive } from '../src/policy/redaction';
import { validateSurvey } from '../src/surveys/survey-validation';
import type { Survey } from '../src/surveys/survey-schema';

// The respondent workflow's reads and writes: its survey version, its answers, its status mirror.
// Every write is keyed, so a retry after a crash adds nothing twice.

export interface SurveyCallPrepared {
  survey: Survey;
  /** What the voice webhook URLs the call gives Twilio start with. */
  publicBaseUrl: string;
}

export function createSurveyActivities(deps: { repositories: Pick<Repositories, 'campaigns' | 'respondents' | 'surveyAnswers'>; publicBaseUrl: string }) {
  const { campaigns, respondents, surveyAnswers } = deps.repositories;
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
    async prepareSurveyCall(input: { surveyId: string; version: number }): Promise<SurveyCallPrepared> {
      return { survey: await loadSurveyVersion({ campaignId: input.surveyId, version: input.version }), publicBaseUrl: deps.publicBaseUrl };
    },

    /** Redacted again here: whatever reaches the store has passed the redactor at least once on this side. */
    async recordSurveyAnswer(answer: NewSurveyAnswer): Promise<void> {
      await surveyAnswers.record({ ...answer, utterance: redactSensitive(answer.utterance) });
    },

    async saveRespondentSnapshot(mirror: RespondentStatusMirror): Promise<void> {
      await respondents.saveStatus(mirror);
    },
  };
}
