import { describe, expect, it } from 'vitest';
import { answerReadingMessages, checkReading } from '../../../src/surveys/llm-reading';
import type { SurveyQuestion } from '../../../src/surveys/question-types';

// The check every LLM reading of a survey answer passes before the conversation may use it.

const common = { text: { en: 'Q?' }, required: true, maxReasks: 1 };
const nps: SurveyQuestion = { id: 'recommend', type: 'nps', ...common };
const rating: SurveyQuestion = { id: 'satisfaction', type: 'rating', scale: { min: 1, max: 5, labels: { 1: { en: 'very dissatisfied' }, 5: { en: 'very satisfied' } } }, ...common };
const choice: SurveyQuestion = { id: 'channel', type: 'multiple-choice', choices: [{ id: 'phone', label: { en: 'phone' } }, { id: 'app', label: { en: 'the app' } }], ...common };
const when: SurveyQuestion = { id: 'visit', type: 'date', range: { earliest: '2026-01-01', latest: '2026-12-31' }, ...common };
const words: SurveyQuestion = { id: 'why', type: 'free-text', ...common };

describe('an LLM reading of a survey answer', () => {
  it('when it is a sure answer of the right type and range, then it is taken as the answer', () => {
    expect(checkReading(nps, { kind: 'answer', values: [10], confidence: 0.9 })).toEqual({ reading: { kind: 'answer', value: 10, confidence: 0.9 }, violations: [] });
    expect(checkReading(choice, { kind: 'answer', values: ['phone', 'app'], confidence: 0.8 }).reading).toEqual({ kind: 'answer', value: ['phone', 'app'], confidence: 0.8 });
  });

  it('when the model is unsure or gives two readings, then the answer is one to confirm, never a guess', () => {
    expect(checkReading(nps, { kind: 'answer', values: [7], confidence: 0.5 }).reading).toEqual({ kind: 'ambiguous', candidates: [7], confidence: 0.5 });
    expect(checkReading(nps, { kind: 'ambiguous', values: [7, 8], confidence: 0.9 }).reading).toEqual({ kind: 'ambiguous', candidates: [7, 8], confidence: 0.9 });
  });

  it('when a value is off the scale, of the wrong type, not a choice, or out of the date range, then the reading is refused with the reason', () => {
    for (const [question, values] of [
      [rating, [9]],
      [nps, ['ten']],
      [choice, ['email']],
      [when, ['2027-02-01']],
    ] as const) {
      const checked = checkReading(question, { kind: 'answer', values, confidence: 0.9 });
      expect(checked.reading).toBeUndefined();
      expect(checked.violations.join(' ')).toMatch(new RegExp(`do not answer a ${question.type} question`));
    }
    expect(checkReading(nps, { kind: 'answer', values: [7, 8], confidence: 0.9 })).toEqual({ violations: ['an answer with several values'] });
  });

  it('when the output does not follow the schema, then it is refused naming the field', () => {
    expect(checkReading(nps, 'eight').violations).toHaveLength(1);
    expect(checkReading(nps, { kind: 'maybe', values: [], confidence: 2 }).violations.join(' ')).toMatch(/kind.*confidence|confidence.*kind/s);
  });

  it("when the respondent does not know or refuses, then that is the reading; when the model did not understand, the rules read the answer", () => {
    expect(checkReading(nps, { kind: 'dont-know', values: [], confidence: 0.9 }).reading).toEqual({ kind: 'dont-know' });
    expect(checkReading(nps, { kind: 'refused', values: [], confidence: 0.9 }).reading).toEqual({ kind: 'refused' });
    expect(checkReading(nps, { kind: 'not-understood', values: [], confidence: 0.1 })).toEqual({ violations: [] });
  });

  it('when free text carries a card number, then the value taken is redacted, and the prompt never holds one', () => {
    const card = '4111 1111 1111 1111';
    const checked = checkReading(words, { kind: 'answer', values: [`my card ${card} was charged twice`], confidence: 0.9 });
    expect(JSON.stringify(checked.reading)).not.toContain(card);
    const prompt = answerReadingMessages(words, 'en', `my card ${card} was charged twice`);
    expect(JSON.stringify(prompt)).not.toContain(card);
    expect(answerReadingMessages(rating, 'en', 'very').at(0)?.content).toMatch(/integer from 1 to 5; 1 = very dissatisfied, 5 = very satisfied/);
  });
});
