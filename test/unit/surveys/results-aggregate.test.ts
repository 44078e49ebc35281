import { describe, expect, it } from 'vitest';
import { aggregateResults, type GroupResults, type QuestionResults } from '../../../src/surveys/results/aggregate-results';
import type { QuestionStats } from '../../../src/surveys/results/question-stats';
import { answer, answered, demoSurvey, respondent, surveyFrom, T0, tenRespondents } from './results-fixtures';

const question = (results: GroupResults, id: string): QuestionResults => {
  const found = results.questions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
const stats = <T extends QuestionStats['type']>(results: GroupResults, id: string, type: T) => {
  const found = question(results, id).stats;
  if (found.type !== type) throw new Error(`${id} is ${found.type}`);
  return found as QuestionStats & { type: T };
};
const counts = (bars: readonly { key: string; count: number }[]) => Object.fromEntries(bars.map((bar) => [bar.key, bar.count]));

describe('aggregateResults', () => {
  const survey = demoSurvey();

  describe('when ten respondents answered part or all of the demo survey', () => {
    const { overall } = aggregateResults(survey, tenRespondents()).all;

    it('then 8 of 10 started and 5 of those 8 finished', () => {
      expect(overall).toMatchObject({ invited: 10, started: 8, finished: 5, responseRate: 0.8, completionRate: 0.625 });
    });

    it('then NPS is (3 promoters − 2 detractors) ÷ 7 scores', () => {
      const nps = stats(overall, 'recommend', 'nps');
      expect(nps).toMatchObject({ promoters: 3, passives: 2, detractors: 2 });
      expect(nps.score).toBeCloseTo(((3 - 2) / 7) * 100, 10);
      expect(counts(nps.bars)).toEqual({ 0: 0, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 1, 10: 2 });
    });

    it('then each question drops those who reached it and left there', () => {
      const dropOff = overall.questions.map(({ id, reached, droppedOff }) => [id, reached, droppedOff]);
      expect(dropOff).toEqual([
        ['recommend', 8, 1],
        ['satisfaction', 7, 1],
        ['what-went-wrong', 3, 1],
        ['resolved', 5, 0],
        ['contact-channel', 4, 0],
      ]);
      expect(question(overall, 'satisfaction').dropOffRate).toBeCloseTo(1 / 7, 10);
    });

    it('then a question skipped by askWhen or passed over by a jump is not reached', () => {
      // what-went-wrong is asked only at satisfaction ≤ 3 (r3, r4, r5); r10's agent ends the survey after resolved.
      expect(question(overall, 'what-went-wrong').reached).toBe(3);
      expect(question(overall, 'contact-channel').reached).toBe(4);
    });

    it('then the rating shows every scale point, zeros included, and its mean', () => {
      const rating = stats(overall, 'satisfaction', 'rating');
      expect(counts(rating.bars)).toEqual({ 1: 1, 2: 1, 3: 1, 4: 0, 5: 3 });
      expect(rating.bars[0].label).toBe('very dissatisfied');
      expect(rating.mean).toBeCloseTo(21 / 6, 10);
    });

    it('then choices, yes/no and free text are counted, and a decline is answered but not text', () => {
      expect(counts(stats(overall, 'contact-channel', 'single-choice').bars)).toEqual({ phone: 2, text: 1, app: 1 });
      expect(counts(stats(overall, 'resolved', 'yes-no').bars)).toEqual({ yes: 3, no: 2 });
      expect(stats(overall, 'what-went-wrong', 'free-text').entries).toEqual([{ respondentId: 'r3', text: 'waited half an hour, on hold', answeredAt: T0 + 2 * 60_000 }]);
      expect(question(overall, 'what-went-wrong').answered).toBe(2);
    });
  });

  describe('when one respondent answered over a text and a call, re-answering recommend', () => {
    const mixed = respondent('mixed', [
      answer('recommend', 4, 0),
      answer('recommend', 4, 0),
      answer('recommend', 9, 60, { channel: 'voice', ms: 4000 }),
      answer('satisfaction', 5, 61, { channel: 'voice' }),
      answer('resolved', true, 62, { channel: 'voice' }),
      answer('contact-channel', 'app', 63, { channel: 'voice' }),
    ]);
    const textOnly = respondent('text-only', answered({ recommend: 5, satisfaction: 2, 'what-went-wrong': 'slow', resolved: true, 'contact-channel': 'text' }));
    const neverStarted = respondent('silent', [], { sessions: [{ channel: 'sms', startedAt: T0 }, { channel: 'voice', startedAt: T0 + 86_400_000 }] });
    const results = aggregateResults(survey, [mixed, textOnly, neverStarted], { by: 'channel' }).all;

    it('then the last answer wins and each question counts once', () => {
      const nps = stats(results.overall, 'recommend', 'nps');
      expect(nps).toMatchObject({ promoters: 1, detractors: 1, score: 0 });
      expect(question(results.overall, 'recommend')).toMatchObject({ reached: 2, answered: 2, medianMs: 3000 });
      expect(results.overall).toMatchObject({ invited: 3, started: 2, finished: 2 });
    });

    it('then it starts and finishes in the channel it started on, and its answers count where they were given', () => {
      const [sms, voice] = results.groups;
      expect(results.by).toBe('channel');
      expect(sms.key).toBe('sms');
      expect(sms.results).toMatchObject({ invited: 3, started: 2, finished: 2 });
      expect(stats(sms.results, 'recommend', 'nps')).toMatchObject({ promoters: 0, detractors: 1 });
      expect(voice.key).toBe('voice');
      expect(voice.results).toMatchObject({ invited: 2, started: 0, finished: 0, responseRate: 0, completionRate: null });
      expect(stats(voice.results, 'recommend', 'nps')).toMatchObject({ promoters: 1, detractors: 0, score: 100 });
    });
  });

  describe('when two answers to one question come at the same instant', () => {
    it('then the confirmed one wins', () => {
      const both = respondent('r', [answer('recommend', 8, 0, { confirmed: true }), answer('recommend', 7, 0)]);
      const { overall } = aggregateResults(survey, [both]).all;
      expect(counts(stats(overall, 'recommend', 'nps').bars)).toMatchObject({ 7: 0, 8: 1 });
    });
  });

  describe('when grouped by language or by a hidden field', () => {
    const people = tenRespondents().map((one, index) => ({ ...one, language: index < 3 ? 'zh-CN' : 'en' }));

    it('then each respondent is in the group of their language', () => {
      const { groups } = aggregateResults(survey, people, { by: 'language' }).all;
      expect(groups.map(({ key, results }) => [key, results.invited, results.started, results.finished])).toEqual([
        ['en', 7, 5, 2],
        ['zh-CN', 3, 3, 3],
      ]);
    });

    it('then each respondent is in the group of their hidden field, missing ones under (none)', () => {
      const withoutAgent = respondent('r11', answered({ recommend: 0 }), { hidden: { order: 'A-111' } });
      const { by, groups } = aggregateResults(survey, [...people, withoutAgent], { by: { hidden: 'agent' } }).all;
      expect(by).toBe('hidden.agent');
      expect(groups.map(({ key, results }) => [key, results.invited, results.started, results.finished])).toEqual([
        ['(none)', 1, 1, 0],
        ['ana', 9, 7, 4],
        ['self-service', 1, 1, 1],
      ]);
    });
  });

  describe('when respondents answered two versions', () => {
    it('then each version has its own figures beside those of all versions', () => {
      const people = tenRespondents().map((one, index) => ({ ...one, surveyVersion: index < 4 ? 1 : 2 }));
      const results = aggregateResults(survey, people);
      expect(results.versions.map(({ version, overall }) => [version, overall.invited, overall.started, overall.finished])).toEqual([
        [1, 4, 4, 4],
        [2, 6, 4, 1],
      ]);
      expect(results.all.overall.invited).toBe(10);
    });
  });

  describe('when a respondent of another survey is passed', () => {
    it('then it is refused', () => {
      expect(() => aggregateResults(survey, [respondent('x', [], { surveyId: 'other' })])).toThrow(/other/);
    });
  });

  describe('when a survey has number, date and multiple-choice questions', () => {
    const small = surveyFrom({
      kind: 'survey',
      id: 'small',
      name: 'Small',
      defaultTimeZone: 'America/Chicago',
      helpText: { en: 'Acme survey, 1-800-555-0100.' },
      cadence: { steps: [{ id: 'call', channel: 'voice', delay: { duration: 'PT0S' } }] },
      introduction: { en: 'May I take one minute of your time?' },
      closing: { en: 'Thank you.' },
      questions: [
        { id: 'visits', type: 'number', range: { min: 0, max: 50 }, text: { en: 'How many visits?' } },
        { id: 'when', type: 'date', text: { en: 'When did you visit?' } },
        { id: 'used', type: 'multiple-choice', text: { en: 'Which?' }, choices: [{ id: 'app', label: { en: 'app' } }, { id: 'web', label: { en: 'web' } }] },
      ],
    });
    const people = [
      { visits: 2, when: '2026-11-02', used: ['app', 'web'] },
      { visits: 10, when: '2026-11-01', used: ['web'] },
      { visits: 3, when: '2026-11-02', used: ['web'] },
      { visits: 5, when: '2026-11-03', used: ['app'] },
    ].map((values, index) => respondent(`p${index}`, answered(values), { surveyId: 'small' }));
    const { overall } = aggregateResults(small, people).all;

    it('then numbers have a mean, median, min and max', () => {
      expect(stats(overall, 'visits', 'number')).toEqual({ type: 'number', mean: 5, median: 4, min: 2, max: 10 });
    });

    it('then dates are counted by date, in calendar order', () => {
      expect(stats(overall, 'when', 'date').byDate).toEqual([
        { date: '2026-11-01', count: 1 },
        { date: '2026-11-02', count: 2 },
        { date: '2026-11-03', count: 1 },
      ]);
    });

    it('then each choice of a multiple choice is counted', () => {
      expect(counts(stats(overall, 'used', 'multiple-choice').bars)).toEqual({ app: 2, web: 3 });
    });
  });
});
