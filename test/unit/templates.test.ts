import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import type { Campaign } from '../../src/campaigns/campaign-schema';
import { validateCampaign } from '../../src/campaigns/campaign-validation';
import { campaignLanguageFor, placeholdersIn, renderTemplate, type TemplateValues } from '../../src/campaigns/templates';

function demoCampaign(): Campaign {
  const result = validateCampaign(parseCampaignDocument(readFileSync(join(__dirname, '../../examples/campaigns/collections-demo.yaml'), 'utf8'), 'yaml'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.campaign;
}

const campaign = demoCampaign();
const values: TemplateValues = {
  name: 'Ana Lopez',
  amountDue: 123456,
  dueDate: '2026-03-15',
  paymentLink: 'https://pay.example/t/abc123',
  communication: 'initial',
};

describe('renderTemplate', () => {
  it('when the first notice is texted in English, then it starts with the initial disclosure and ends with the opt-out', () => {
    expect(renderTemplate(campaign, 'first-notice', 'en', values)).toBe(
      'This is an attempt to collect a debt and any information obtained will be used for that purpose.\n' +
        'Hi Ana Lopez, this is Northwind Card Services. Your balance of $1,234.56 was due March 15, 2026. Pay securely or set up a plan: https://pay.example/t/abc123\n' +
        'Reply STOP to opt out.',
    );
  });

  it('when the reminder is texted in Chinese, then amount and date read the Chinese way and the later disclosure is used', () => {
    expect(renderTemplate(campaign, 'reminder', 'zh-CN', { ...values, name: '张伟', communication: 'subsequent' })).toBe(
      '本信息来自债务催收方。\n' +
        '张伟，Northwind Card Services提醒您：US$1,234.56仍未结清。点击付款或选择分期：https://pay.example/t/abc123。回复“帮助”获取帮助。\n' +
        '回复“退订”即可不再接收短信。',
    );
  });

  it('when a voice script is rendered, then nothing is added: the disclosure is spoken after the right person is confirmed', () => {
    expect(renderTemplate(campaign, 'first-call', 'en', values)).toBe(
      'Hello, this is an automated assistant calling for Northwind Card Services. May I speak with Ana Lopez?',
    );
  });

  it('when an SMS template places the disclosure and opt-out itself, then they appear once, where it put them', () => {
    const placed: Campaign = {
      ...campaign,
      templates: {
        ...campaign.templates,
        placed: { channel: 'sms', text: { en: '{{name}}: {{disclosure}} {{optOutText}} Due {{dueDate}}.', 'zh-CN': '{{name}}' } },
      },
    };
    expect(renderTemplate(placed, 'placed', 'en', { ...values, communication: 'subsequent' })).toBe(
      'Ana Lopez: This communication is from a debt collector. Reply STOP to opt out. Due March 15, 2026.',
    );
  });

  it('when the currency has no minor unit, then the amount shows none', () => {
    const yen: Campaign = { ...campaign, currency: 'JPY' };
    expect(renderTemplate(yen, 'first-call', 'en', values)).not.toContain('¥');
    expect(renderTemplate(yen, 'first-notice', 'en', values)).toContain('Your balance of ¥123,456 was due');
  });

  it.each([
    { debtorLanguage: 'fr', used: 'en', why: 'a language the campaign lacks falls back to its first language' },
    { debtorLanguage: 'en-US', used: 'en', why: 'a regional variant uses its primary language' },
    { debtorLanguage: 'zh', used: 'zh-CN', why: 'a primary language uses the campaign variant' },
    { debtorLanguage: 'zh-Hans-CN', used: 'zh-CN', why: 'a script subtag uses the campaign variant' },
    { debtorLanguage: 'zh-CN', used: 'zh-CN', why: 'an exact match is used as is' },
  ])('when the debtor speaks $debtorLanguage, then $used is used: $why', ({ debtorLanguage, used }) => {
    expect(campaignLanguageFor(campaign, debtorLanguage)).toBe(used);
    expect(renderTemplate(campaign, 'first-call', debtorLanguage, values)).toBe(renderTemplate(campaign, 'first-call', used, values));
  });

  it('when the template does not exist, then rendering refuses', () => {
    expect(() => renderTemplate(campaign, 'no-such-template', 'en', values)).toThrow(/has no template 'no-such-template'/);
  });

  it('when a due date is not a calendar date, then rendering refuses instead of sending a wrong date', () => {
    expect(() => renderTemplate(campaign, 'first-notice', 'en', { ...values, dueDate: '15/03/2026' })).toThrow(/not YYYY-MM-DD/);
  });
});

describe('placeholdersIn', () => {
  it.each([
    { text: 'Hi {{name}}, you owe {{ amountDue }}. {{name}}', names: ['name', 'amountDue'] },
    { text: 'No placeholders here', names: [] },
    { text: '{{paymentLink}}{{dueDate}}', names: ['paymentLink', 'dueDate'] },
    { text: 'Broken {{name} and {{first name}}', names: [] },
    { text: '您好{{name}}，{{amountDue}}', names: ['name', 'amountDue'] },
  ])("when the text is '$text', then the placeholders are $names", ({ text, names }) => {
    expect(placeholdersIn(text)).toEqual(names);
  });
});
