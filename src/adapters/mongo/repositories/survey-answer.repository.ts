import mongoose, { type Model } from 'mongoose';
import type { SurveyAnswerDoc } from '../models/survey-answer.model';

export type StoredSurveyAnswer = SurveyAnswerDoc;

export type NewSurveyAnswer = Omit<SurveyAnswerDoc, 'answeredAt' | 'value' | 'elapsedMs'> & {
  value: unknown;
  elapsedMs: number | null;
  /** Epoch ms. */
  answeredAt: number;
};

/** Answers per respondent and question: written once under their key, read back for the results. */
export function createSurveyAnswerRepository(answers: Model<SurveyAnswerDoc>) {
  return {
    /** Stores the answer unless one with its key is stored: a retried write adds nothing. True when this call stored it. */
    async record(answer: NewSurveyAnswer): Promise<boolean> {
      const result = await answers.updateOne(
        { answerKey: answer.answerKey },
        { $setOnInsert: { ...answer, answeredAt: new Date(answer.answeredAt) } },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    },

    /** A survey's answers (of the given respondents, or all), oldest first. */
    ofSurvey: (surveyId: string, workflowIds?: readonly string[]) =>
      answers
        .find({ surveyId, ...(workflowIds ? { workflowId: mongoose.trusted({ $in: [...workflowIds] }) } : {}) })
        .sort({ answeredAt: 1, answerKey: 1 })
        .lean(),
  };
}
