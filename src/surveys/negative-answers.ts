import { scoreSentiment } from '../dialog/sentiment';
import type { AnswerValue, RatingScale, SurveyQuestion } from './question-types';

/** NPS detractors score 0 to 6: the metric's own definition, not a setting. */
export const NPS_DETRACTOR_MAX = 6;

/** A comment this hostile is a complaint: the collections escalation's default mood threshold. */
const COMPLAINT_SENTIMENT = -0.5;

/** Without a survey threshold, a rating is negative below the scale's middle: 1-2 on 1-5, 0-4 on 0-10. */
function defaultRatingThreshold(scale: RatingScale): number {
  return Math.ceil((scale.min + scale.max) / 2) - 1;
}

/** Words hostile enough to be a complaint, whatever question they answer (a probe's answer too). */
export function isComplaint(text: string): boolean {
  return scoreSentiment(text) <= COMPLAINT_SENTIMENT;
}

/**
 * Whether a taken answer calls for the question's probe and counts towards a detractor follow-up.
 * `detractorThreshold`: the survey's threshold for ratings (at or below it is negative). A yes/no
 * question's "no" is negative, as survey yes/no questions mostly ask whether something went right;
 * one that asks whether something went wrong says so with `negativeAnswer: true`.
 */
export function isNegativeAnswer(question: SurveyQuestion, value: AnswerValue, detractorThreshold?: number): boolean {
  switch (question.type) {
    case 'nps':
      return typeof value === 'number' && value <= NPS_DETRACTOR_MAX;
    case 'rating':
      return typeof value === 'number' && value <= (detractorThreshold ?? defaultRatingThreshold(question.scale));
    case 'yes-no':
      return value === (question.negativeAnswer ?? false);
    case 'free-text':
      return typeof value === 'string' && isComplaint(value);
    default:
      return false;
  }
}
