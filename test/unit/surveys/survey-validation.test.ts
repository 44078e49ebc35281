import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignDocument } from '../../../src/campaigns/campaign-document';
import { parseAnswerCondition } from '../../../src/surveys/condition-notation';
import type { AnswerCondition, SurveyQuestion } from '../../../src/surveys/question-types';
import { validateSurvey, type FieldError } from '../../../src/surveys/survey-validation';

const demoDocument = () =>
  parseCampaignDocument(readFileSync(join(__dirname, '../../../examples/surveys/satisfaction-demo.yaml'), 'utf8'), 'yaml') as Record<string, any>;

const both = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A small survey in two languages; each test breaks one thing. */
const document = (): Record<string, any> => ({
  kind: 'survey',
  id: 'quick-check',
  name: 'Quick check',
  defaultTimeZone: 'America/Chicago',
  languages: ['en', 'zh-CN'],
  hiddenFields: ['order'],
  helpText: both('Acme survey, 1-800-555-0100.', 'Acme 调查，1-800-555-0100。'),
  cadence: {
    steps: [
      { id: 'invite', channel: 'sms', delay: { duration: 'PT0S' }, template: 'invitation' },
      { id: 'call', channel: 'voice', delay: { duration: 'P1D' } },
    ],
  },
  templates: { invitation: { text: both('Hi {{firstName}}, about order {{hidden.order}}: reply YES.', '{{firstName}}您好，订单 {{hidden.order}}：回复“是”。') } },
  introduction: both('May I take one minute of your time?', '能占用您一分钟吗？'),
  closing: both('Thank you.', '谢谢。'),
  questions: [
    { id: 'score', type: 'nps', text: both('From 0 to 10?', '0 到 10 分？') },
    { id: 'rating', type: 'rating', scale: { min: 1, max: 5 }, text: both('From 1 to 5?', '1 到 5 分？') },
    { id: 'features', type: 'multiple-choice', text: both('Which?', '哪些？'), choices: [{ id: 'app', label: both('app', '应用') }, { id: 'web', label: both('web', '网站') }] },
    { id: 'why', type: 'free-text', required: false, askWhen: 'rating <= 3', text: both('Why?', '为什么？') },
  ],
});

function errorsOf(input: unknown): FieldError[] {
  const result = validateSurvey(input);
  if (result.ok) throw new Error('expected the survey to be refused');
  return result.errors;
}

function refusal(path: string, reason: string) {
  return { path, message: expect.stringContaining(reason) as string };
}

describe('validateSurvey accepts good documents', () => {
  it('when the demo survey is validated, then it is accepted with its logic read into conditions', () => {
    const result = validateSurvey(demoDocument());
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
    const { survey } = result;
    expect(survey.questions.map((question) => question.type)).toEqual(['nps', 'rating', 'free-text', 'yes-no', 'single-choice']);
    expect(survey.questions[2]?.askWhen).toEqual({ question: 'satisfaction', op: '<=', value: 3 });
    expect(survey.questions[3]?.next).toEqual([{ when: { hidden: 'agent', op: '==', value: 'self-service' }, goTo: { end: true } }]);
    expect(survey.cadence.steps.map((step) => step.channel)).toEqual(['sms', 'voice', 'sms']);
  });

  it('when a validated survey is validated again, then it is accepted unchanged', () => {
    const first = validateSurvey(demoDocument());
    if (!first.ok) throw new Error('the demo is valid');
    const again = validateSurvey(JSON.parse(JSON.stringify(first.survey)));
    expect(again).toEqual(first);
  });

  it('when a survey leaves the contact policy out, then survey defaults apply, not Regulation F', () => {
    const result = validateSurvey(document());
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
    expect(result.survey.frequencyCaps).toEqual({ maxCallAttempts: 3, withinDays: 7, quietDaysAfterConversation: 0 });
    expect(result.survey.contactWindow).toMatchObject({ start: '08:00', end: '21:00' });
    expect(result.survey.consent.requireConsentForArtificialVoice).toBe(true);
    expect(result.survey.questions[0]).toMatchObject({ required: true, maxReasks: 2 });
  });

  it('when a yes-no question says its yes is the bad news, then the survey keeps that', () => {
    const input = document();
    input.questions.push({ id: 'called-again', type: 'yes-no', negativeAnswer: true, text: both('Did you call more than once?', '您打了不止一次吗？') });
    const result = validateSurvey(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
    expect(result.survey.questions.at(-1)).toMatchObject({ id: 'called-again', negativeAnswer: true });
  });

  it('when the output is used as the shared question types, then it fits them', () => {
    const result = validateSurvey(demoDocument());
    if (!result.ok) throw new Error('the demo is valid');
    // A compile-time check: tsc refuses this line if the schema's output stops fitting question-types.ts.
    const questions: readonly SurveyQuestion[] = result.survey.questions;
    expect(questions).toHaveLength(5);
  });
});

describe('validateSurvey refuses bad documents, each problem with its path', () => {
  it.each<[string, (survey: Record<string, any>) => void, string, string]>([
    ['a document of another kind', (s) => (s.kind = 'collections'), 'kind', "must be 'survey'"],
    ['a jump to a missing question', (s) => (s.questions[0].next = [{ when: 'score <= 6', goTo: 'nowhere' }]), 'questions.0.next.0.goTo', "names 'nowhere', which is not a question"],
    ['a condition on a missing question', (s) => (s.questions[3].askWhen = 'ratings <= 3'), 'questions.3.askWhen', "refers to 'ratings', which is not a question"],
    ['a condition on a later question', (s) => (s.questions[1].askWhen = 'why answered'), 'questions.1.askWhen', 'which is asked later (question 4): a condition can only test earlier answers'],
    ['an askWhen on its own question', (s) => (s.questions[1].askWhen = 'rating answered'), 'questions.1.askWhen', 'refers to this question itself'],
    ['a jump back, which loops', (s) => (s.questions[3].next = [{ when: 'why unanswered', goTo: 'rating' }]), 'questions.3.next.0.goTo', "jumps back to 'rating', which leads here again (rating → features → why → rating)"],
    ['a jump to its own question', (s) => (s.questions[0].next = [{ when: 'score answered', goTo: 'score' }]), 'questions.0.next.0.goTo', 'a survey must not loop'],
    ['a number range with min > max', (s) => s.questions.push({ id: 'age', type: 'number', range: { min: 99, max: 18 }, text: both('Age?', '年龄？') }), 'questions.4.range.max', 'must be at least min (99)'],
    ['a rating scale with min > max', (s) => (s.questions[1].scale = { min: 5, max: 1 }), 'questions.1.scale.max', 'must be greater than min (5)'],
    ['a date range that ends before it starts', (s) => s.questions.push({ id: 'when', type: 'date', range: { earliest: '2026-03-01', latest: '2026-01-01' }, text: both('When?', '何时？') }), 'questions.4.range.latest', 'must not be before earliest (2026-03-01)'],
    ['a scale label outside the scale', (s) => (s.questions[1].scale.labels = { 7: both('great', '很好') }), 'questions.1.scale.labels.7', 'outside the scale 1 to 5'],
    ['a choice question without choices', (s) => (s.questions[2].choices = []), 'questions.2.choices', 'needs at least two choices'],
    ['a choice question with no choices field', (s) => delete s.questions[2].choices, 'questions.2.choices', 'is required'],
    ['two choices with one id', (s) => (s.questions[2].choices[1].id = 'app'), 'questions.2.choices.1.id', "'app' is already the id of an earlier choice"],
    ['two questions with one id', (s) => (s.questions[1].id = 'score'), 'questions.1.id', "'score' is already the id of an earlier question"],
    ['a question text without a declared language', (s) => delete s.questions[0].text['zh-CN'], 'questions.0.text.zh-CN', 'is missing: every question needs its text in each survey language (en, zh-CN)'],
    ['a spoken form without a declared language', (s) => (s.questions[0].spoken = { en: 'Zero to ten?' }), 'questions.0.spoken.zh-CN', 'is missing'],
    ['a probe without a declared language', (s) => (s.questions[0].probe = { en: 'Why?' }), 'questions.0.probe.zh-CN', 'is missing'],
    ['a choice label without a declared language', (s) => delete s.questions[2].choices[0].label['zh-CN'], 'questions.2.choices.0.label.zh-CN', 'every choice needs its label'],
    ['an introduction without a declared language', (s) => delete s.introduction['zh-CN'], 'introduction.zh-CN', 'the survey needs its introduction'],
    ['a closing without a declared language', (s) => delete s.closing.en, 'closing.en', 'the survey needs its closing'],
    ['a template without a declared language', (s) => delete s.templates.invitation.text['zh-CN'], 'templates.invitation.text.zh-CN', 'every template needs a text'],
    ['wording in an undeclared language', (s) => (s.closing.fr = 'Merci.'), 'closing.fr', "'fr' is not one of the survey's languages"],
    ['a condition on an unknown hidden field', (s) => (s.questions[3].askWhen = "hidden.agent == 'bot'"), 'questions.3.askWhen', "refers to hidden field 'agent', which is not in hiddenFields (order)"],
    ['a placeholder of an unknown hidden field', (s) => (s.introduction.en = 'About {{hidden.agent}}?'), 'introduction.en', 'uses {{hidden.agent}}, which the survey cannot fill'],
    ['includes on a question that is not multiple choice', (s) => (s.questions[3].askWhen = 'rating includes 3'), 'questions.3.askWhen', "'includes' does not fit 'rating', a rating question"],
    ['< on a yes-no question', (s) => s.questions.push({ id: 'ok', type: 'yes-no', text: both('OK?', '好吗？') }, { id: 'x', type: 'free-text', askWhen: 'ok < 1', text: both('X?', 'X？') }), 'questions.5.askWhen', "'<' does not fit 'ok', a yes-no question: use == != answered unanswered"],
    ['a comparison with a missing choice', (s) => (s.questions[3].askWhen = 'features includes phone'), 'questions.3.askWhen', "'phone' is not a choice of 'features' (app, web)"],
    ['a comparison outside the scale', (s) => (s.questions[3].askWhen = 'score < 11'), 'questions.3.askWhen', 'outside its range 0 to 10'],
    ['a condition that is not one', (s) => (s.questions[3].askWhen = 'rating is low'), 'questions.3.askWhen', "'rating is low' is not a condition"],
    ['an SMS step naming a missing template', (s) => (s.cadence.steps[0].template = 'invite'), 'cadence.steps.0.template', "names 'invite', which is not in templates"],
    ['calls with an AI voice without consent in the US', (s) => (s.consent = { requireConsentForArtificialVoice: false }), 'consent.requireConsentForArtificialVoice', 'without prior express consent (TCPA, FCC 24-17), looser than US law'],
    ['a threshold outside a rating scale', (s) => (s.detractorThreshold = 9), 'detractorThreshold', "not within the scale of 'rating'"],
    ['a choice limit above the number of choices', (s) => (s.questions[2].maxChoices = 3), 'questions.2.maxChoices', 'the question has only 2 choices'],
    ['a hidden field compared as a number with text', (s) => (s.questions[3].askWhen = 'hidden.order > abc'), 'questions.3.askWhen', "'>' compares numbers, but 'abc' is text"],
    ['a question with the reserved id end', (s) => (s.questions[3].id = 'end'), 'questions.3.id', "'end' names the closing in jumps"],
  ])('when a survey has %s, then it is refused at that path', (_what, breakIt, path, reason) => {
    const survey = document();
    breakIt(survey);
    expect(errorsOf(survey)).toContainEqual(refusal(path, reason));
  });

  it('when a survey has several problems in different sections, then each is reported', () => {
    const survey = document();
    survey.contactWindow = { start: '21:00', end: '08:00' };
    survey.questions[1].scale = { min: 5, max: 1 };
    survey.questions[0].next = [{ when: 'score <= 6', goTo: 'nowhere' }];
    survey.name = '';
    expect(errorsOf(survey).map((error) => error.path)).toEqual(['name', 'contactWindow.end', 'questions.1.scale.max', 'questions.0.next.0.goTo']);
  });

  it('when a survey declares one language, then the built-in opt-out text of other languages is no problem', () => {
    const survey = { ...document(), languages: ['en'] };
    const errors = errorsOf(survey);
    expect(errors.filter((error) => error.path.startsWith('optOutText'))).toEqual([]);
    expect(errors).toContainEqual(refusal('closing.zh-CN', "'zh-CN' is not one of the survey's languages (en)"));
  });

  it('when a collections frequency cap is looser than Regulation F in a survey, then it is accepted', () => {
    const survey = document();
    survey.frequencyCaps = { maxCallAttempts: 9, withinDays: 3, quietDaysAfterConversation: 0 };
    expect(validateSurvey(survey).ok).toBe(true);
  });
});

describe('parseAnswerCondition reads the condition notation', () => {
  it.each<[string, AnswerCondition | null]>([
    ['satisfaction <= 3', { question: 'satisfaction', op: '<=', value: 3 }],
    ['recommend == yes', { question: 'recommend', op: '==', value: true }],
    ["channel == 'yes'", { question: 'channel', op: '==', value: 'yes' }],
    ['features includes app', { question: 'features', op: 'includes', value: 'app' }],
    ['features excludes mobile-app', { question: 'features', op: 'excludes', value: 'mobile-app' }],
    ['recommend answered', { question: 'recommend', op: 'answered' }],
    ['visit >= 2026-01-01', { question: 'visit', op: '>=', value: '2026-01-01' }],
    ["hidden.channel == 'web'", { hidden: 'channel', op: '==', value: 'web' }],
    ['hidden.spend > 100.5', { hidden: 'spend', op: '>', value: 100.5 }],
    ['hidden.vip == yes', { hidden: 'vip', op: '==', value: 'yes' }],
    ['satisfaction is low', null],
    ['recommend answered yes', null],
    ['Satisfaction <= 3', null],
  ])("'%s' reads as %j", (text, expected) => {
    expect(parseAnswerCondition(text)).toEqual(expected);
  });
});
