import { describe, expect, it } from 'vitest';
import { addCollectionFacts, collectionKpis, noCollectionFacts, type CollectionFacts } from '../../src/kpi/collection-kpis';
import { npsGroup, noSurveyFacts, surveyKpis, type SurveyFacts } from '../../src/kpi/survey-kpis';
import { ratio } from '../../src/kpi/ratio';

const facts = (counts: Partial<CollectionFacts>): CollectionFacts => ({ ...noCollectionFacts(), ...counts });
const survey = (counts: Partial<SurveyFacts>): SurveyFacts => ({ ...noSurveyFacts(), ...counts });

describe('ratio', () => {
  it.each([
    { part: 1, whole: 4, expected: 0.25 },
    { part: 0, whole: 4, expected: 0 },
    { part: 0, whole: 0, expected: null },
    { part: 3, whole: 0, expected: null },
  ])('when $part is divided by $whole, then it is $expected', ({ part, whole, expected }) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});

describe('collection KPIs', () => {
  it.each([
    { kpi: 'contactRate', counts: { liveContacts: 3, attempts: 12 }, expected: 0.25 },
    { kpi: 'contactRate', counts: { liveContacts: 0, attempts: 5 }, expected: 0 },
    { kpi: 'contactRate', counts: {}, expected: null },
    { kpi: 'rightPartyContactRate', counts: { rightPartyContacts: 2, liveContacts: 4 }, expected: 0.5 },
    { kpi: 'rightPartyContactRate', counts: { rightPartyContacts: 0, attempts: 9 }, expected: null },
    { kpi: 'promiseToPayRate', counts: { promises: 1, rightPartyContacts: 4 }, expected: 0.25 },
    { kpi: 'promiseToPayRate', counts: { promises: 2 }, expected: null },
    { kpi: 'keptPromiseRate', counts: { promisesKept: 3, promisesDue: 4 }, expected: 0.75 },
    { kpi: 'keptPromiseRate', counts: { promises: 4 }, expected: null },
    { kpi: 'collectedMinor', counts: { collectedMinor: 12_345 }, expected: 12_345 },
    { kpi: 'collectedMinor', counts: {}, expected: 0 },
    { kpi: 'liquidationRate', counts: { collectedMinor: 2_500, assignedMinor: 10_000 }, expected: 0.25 },
    { kpi: 'liquidationRate', counts: { collectedMinor: 2_500 }, expected: null },
    { kpi: 'cureRate', counts: { accountsCured: 1, accountsAssigned: 8 }, expected: 0.125 },
    { kpi: 'cureRate', counts: {}, expected: null },
    { kpi: 'handOffRate', counts: { handOffs: 1, liveContacts: 5 }, expected: 0.2 },
    { kpi: 'averageHandleSeconds', counts: { handleSeconds: 300, handledCalls: 4 }, expected: 75 },
    { kpi: 'averageHandleSeconds', counts: { handleSeconds: 0, handledCalls: 0 }, expected: null },
  ] as Array<{ kpi: keyof ReturnType<typeof collectionKpis>; counts: Partial<CollectionFacts>; expected: number | null }>)(
    'when the facts are $counts, then $kpi is $expected',
    ({ kpi, counts, expected }) => {
      expect(collectionKpis(facts(counts))[kpi]).toBe(expected);
    },
  );

  it('when no fact was counted, then every ratio is null (never 0 or NaN) and nothing was collected', () => {
    const kpis = collectionKpis(noCollectionFacts());
    expect(kpis).toEqual({
      contactRate: null,
      rightPartyContactRate: null,
      promiseToPayRate: null,
      keptPromiseRate: null,
      collectedMinor: 0,
      liquidationRate: null,
      cureRate: null,
      handOffRate: null,
      averageHandleSeconds: null,
    });
  });

  it('when two periods are added, then their facts sum and a fact missing from one counts as zero', () => {
    const sum = facts({ attempts: 2, collectedMinor: 100 });
    addCollectionFacts(sum, { attempts: 3, liveContacts: 1 });
    expect(sum).toEqual(facts({ attempts: 5, liveContacts: 1, collectedMinor: 100 }));
  });
});

describe('survey KPIs', () => {
  it.each([
    { score: 10, group: 'promoters' },
    { score: 9, group: 'promoters' },
    { score: 8, group: 'passives' },
    { score: 7, group: 'passives' },
    { score: 6, group: 'detractors' },
    { score: 0, group: 'detractors' },
    { score: 11, group: undefined },
    { score: 6.5, group: undefined },
    { score: '9', group: undefined },
    { score: null, group: undefined },
  ])('when an NPS answer is $score, then it is in $group', ({ score, group }) => {
    expect(npsGroup(score)).toBe(group);
  });

  it('when 10 are invited, 8 start and 4 finish, then the response rate is 0.8 and the completion rate 0.5', () => {
    const kpis = surveyKpis(survey({ invited: 10, started: 8, completed: 4 }), []);
    expect(kpis.responseRate).toBe(0.8);
    expect(kpis.completionRate).toBe(0.5);
  });

  it('when answers thin out question by question, then each question drops those who did not reach the next, and the last those who did not finish', () => {
    const kpis = surveyKpis(survey({ started: 10, completed: 5, answered: { q1: 10, q2: 8, q3: 6 } }), ['q1', 'q2', 'q3']);
    expect(kpis.dropOff).toEqual([
      { questionId: 'q1', reached: 10, droppedOff: 2, dropOffRate: 0.2 },
      { questionId: 'q2', reached: 8, droppedOff: 2, dropOffRate: 0.25 },
      { questionId: 'q3', reached: 6, droppedOff: 1, dropOffRate: 1 / 6 },
    ]);
  });

  it('when nobody reached a question, then its drop-off rate is null, and a later question answered by more counts no negative drop-off', () => {
    const kpis = surveyKpis(survey({ answered: { q2: 3 } }), ['q1', 'q2']);
    expect(kpis.dropOff).toEqual([
      { questionId: 'q1', reached: 0, droppedOff: 0, dropOffRate: null },
      { questionId: 'q2', reached: 3, droppedOff: 3, dropOffRate: 1 },
    ]);
  });

  it.each([
    { promoters: 5, passives: 3, detractors: 2, nps: 30 },
    { promoters: 0, passives: 0, detractors: 4, nps: -100 },
    { promoters: 2, passives: 0, detractors: 0, nps: 100 },
    { promoters: 0, passives: 0, detractors: 0, nps: null },
  ])('when $promoters promoters, $passives passives and $detractors detractors answered, then the NPS is $nps', ({ nps, ...groups }) => {
    expect(surveyKpis(survey(groups), []).nps).toBe(nps);
  });

  it('when nobody was invited, then the response and completion rates are null', () => {
    expect(surveyKpis(noSurveyFacts(), ['q1'])).toEqual({ responseRate: null, completionRate: null, dropOff: [{ questionId: 'q1', reached: 0, droppedOff: 0, dropOffRate: null }], nps: null });
  });
});
