import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import { validateCampaign } from '../../src/campaigns/campaign-validation';
import { validateSurvey } from '../../src/surveys/survey-validation';

// Script experiments in a campaign document: every arm passes the checks the campaign's own wording
// passes, and a refused arm is named by its path.

const demoDocument = () =>
  parseCampaignDocument(readFileSync(join(__dirname, '../../examples/campaigns/demo-minutes.yaml'), 'utf8'), 'yaml') as Record<string, any>;

const errorsOf = (document: unknown) => {
  const result = validateCampaign(document);
  return result.ok ? [] : result.errors;
};

const warmArm = (document: Record<string, any>) => document.experiments[0].arms[1];

describe("a campaign's script experiments", () => {
  it('When the demo campaign is validated, then it runs a two-arm greeting experiment with equal weights', () => {
    const result = validateCampaign(demoDocument());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    const [experiment] = result.campaign.experiments;
    expect(experiment!.id).toBe('greeting-wording');
    expect(experiment!.arms.map((arm) => [arm.id, arm.weight, arm.stopped])).toEqual([['standard', 1, false], ['warm', 1, false]]);
    expect(experiment!.arms[1]!.greeting).toMatchObject({ en: expect.stringContaining('{{agentName}}'), 'zh-CN': expect.any(String) });
  });

  it('When an arm words the disclosure without saying it is a debt collector, then the path of that disclosure is refused with the rule', () => {
    const document = demoDocument();
    warmArm(document).disclosures = {
      en: { initial: 'This is an attempt to collect a debt and any information obtained will be used for that purpose.', subsequent: 'This message is from Northwind.' },
      'zh-CN': { initial: '这是一项债务催收行为，所获取的任何信息都将用于此目的。', subsequent: '本信息来自债务催收方。' },
    };

    expect(errorsOf(document)).toEqual([
      { path: 'experiments.0.arms.1.disclosures.en.subsequent', message: expect.stringMatching(/drops the required disclosure: it must say the communication is from a debt collector \(12 CFR 1006\.18\(e\)\)/) },
    ]);
  });

  it('When an arm drops the "information will be used" sentence in Chinese, or leaves a language out, then each path is named', () => {
    const document = demoDocument();
    warmArm(document).disclosures = { 'zh-CN': { initial: '这是一项债务催收行为。', subsequent: '本信息来自债务催收方。' } };

    expect(errorsOf(document).map((error) => error.path).sort()).toEqual(['experiments.0.arms.1.disclosures.en', 'experiments.0.arms.1.disclosures.zh-CN.initial']);
  });

  it('When a greeting speaks of the debt, or uses a placeholder a greeting cannot fill, then it is refused before any call says it', () => {
    const document = demoDocument();
    warmArm(document).greeting.en = 'Hi {{fullName}}, we are calling about your overdue balance of {{amountDue}}.';

    const errors = errorsOf(document);
    expect(errors).toContainEqual({ path: 'experiments.0.arms.1.greeting.en', message: expect.stringMatching(/speaks of the debt before the person is verified.*1006\.6\(d\)/) });
    expect(errors).toContainEqual({ path: 'experiments.0.arms.1.greeting.en', message: expect.stringMatching(/uses \{\{amountDue\}\}, which the campaign cannot fill/) });
  });

  it('When an arm rewords a template the campaign lacks or a voice template, calls outside the window, or leads with a plan the campaign has no terms for, then each is named', () => {
    const document = demoDocument();
    document.experiments[0].arms[0].templates = { 'no-such-template': { en: 'x', 'zh-CN': 'x' }, 'first-call': { en: 'x', 'zh-CN': 'x' } };
    warmArm(document).callHours = { start: '07:00', end: '10:00' };
    warmArm(document).leadOffer = 'plan';
    delete document.offers.instalmentPlan;
    document.segments = [];

    const paths = errorsOf(document).map((error) => `${error.path}: ${error.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^experiments\.0\.arms\.0\.templates\.no-such-template: names no template of the campaign/),
        expect.stringMatching(/^experiments\.0\.arms\.0\.templates\.first-call: is a voice template/),
        expect.stringMatching(/^experiments\.0\.arms\.1\.callHours: 07:00-10:00 is not inside the contact window/),
        expect.stringMatching(/^experiments\.0\.arms\.1\.leadOffer: is 'plan', but the campaign offers no instalment plan/),
      ]),
    );
  });

  it('When two experiments vary the greeting, or every arm is stopped, then the campaign is refused', () => {
    const document = demoDocument();
    document.experiments.push({ id: 'second', arms: [{ id: 'a', stopped: true }, { id: 'b', stopped: true, greeting: warmArm(document).greeting }] });

    expect(errorsOf(document)).toEqual([
      { path: 'experiments.1.arms', message: expect.stringMatching(/every arm stopped/) },
      { path: 'experiments.1', message: expect.stringMatching(/varies the greeting, which experiment 'greeting-wording' varies too/) },
    ]);
  });

  it('When an experiment has a single arm, then there is nothing to compare and it is refused', () => {
    const document = demoDocument();
    document.experiments[0].arms = [{ id: 'only' }];

    expect(errorsOf(document)).toEqual([{ path: 'experiments.0.arms', message: 'needs at least two arms to compare' }]);
  });

  it("When a survey's arm words the introduction with a placeholder the survey cannot fill, leaves out a language, or rewords a template it lacks, then each path is named", () => {
    const survey = parseCampaignDocument(readFileSync(join(__dirname, '../../examples/surveys/satisfaction-demo.yaml'), 'utf8'), 'yaml') as Record<string, any>;
    survey.experiments = [{ id: 'intro', arms: [{ id: 'standard' }, { id: 'brief', introduction: { en: 'Hi {{fullName}}, one minute?' }, templates: { nope: { en: 'x', 'zh-CN': 'x' } } }] }];

    const result = validateSurvey(survey);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((error) => error.path).sort()).toEqual(['experiments.0.arms.1.introduction.en', 'experiments.0.arms.1.introduction.zh-CN', 'experiments.0.arms.1.templates.nope']);
    expect(errors.find((error) => error.path.endsWith('introduction.en'))!.message).toMatch(/uses \{\{fullName\}\}, which the survey cannot fill/);
  });
});
