import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import { validateCampaign } from '../../src/campaigns/campaign-validation';

const demoDocument = () =>
  parseCampaignDocument(readFileSync(join(__dirname, '../../examples/campaigns/demo-minutes.yaml'), 'utf8'), 'yaml') as Record<string, any>;

const errorsOf = (document: unknown) => {
  const result = validateCampaign(document);
  return result.ok ? [] : result.errors;
};

describe("a campaign's FAQ", () => {
  it('When the demo campaign is validated, then its FAQ asks and answers in English and Chinese, debt details after verification', () => {
    const result = validateCampaign(demoDocument());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    const { faq } = result.campaign;
    expect(faq.map((entry) => entry.id)).toEqual(['who-is-calling', 'why-calling', 'where-to-pay', 'pay-by-card', 'what-is-the-debt']);
    expect(faq.every((entry) => entry.answer.en && entry.answer['zh-CN'] && entry.questions.en?.length && entry.questions['zh-CN']?.length)).toBe(true);
    expect(faq.filter((entry) => !entry.afterVerification).map((entry) => entry.id)).toEqual(['who-is-calling']);
  });

  it('When an entry lacks its Chinese answer in a campaign that speaks Chinese, then the path of the answer is named', () => {
    const document = demoDocument();
    delete document.faq[3].answer['zh-CN'];

    expect(errorsOf(document)).toEqual([{ path: 'faq.3.answer.zh-CN', message: expect.stringMatching(/missing: the campaign speaks zh-CN/) }]);
  });

  it('When an entry has no phrasings in a language, or repeats an id, or its id is not a slug, then each path is named', () => {
    const document = demoDocument();
    document.faq[0].questions.en = [];
    document.faq[2].id = 'why-calling';
    document.faq[4].id = 'What Is It';

    expect(errorsOf(document).map((error) => error.path).sort()).toEqual(['faq.0.questions.en', 'faq.4.id']);
    document.faq[0].questions.en = ['who is this'];
    document.faq[4].id = 'what-is-the-debt';
    expect(errorsOf(document)).toEqual([{ path: 'faq.2.id', message: "'why-calling' is already the id of an earlier FAQ entry" }]);
  });

  it('When an answer given before verification speaks of the debt, then it is refused, naming the answer; after verification it may', () => {
    const document = demoDocument();
    document.faq[0].answer.en = "I'm calling about the balance on your account.";
    document.faq[0].answer['zh-CN'] = '关于您账户上的欠款。';

    expect(errorsOf(document)).toEqual([
      { path: 'faq.0.answer.en', message: expect.stringMatching(/speaks of the debt, but is given before the person is verified.*1006\.6\(d\)/) },
      { path: 'faq.0.answer.zh-CN', message: expect.stringMatching(/speaks of the debt/) },
    ]);
    document.faq[0].afterVerification = true;
    expect(errorsOf(document)).toEqual([]);
  });

  it('When a campaign declares no FAQ, then it has none', () => {
    const document = demoDocument();
    delete document.faq;

    const result = validateCampaign(document);
    expect(result.ok && result.campaign.faq).toEqual([]);
  });
});
