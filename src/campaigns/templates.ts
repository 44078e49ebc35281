import { formatMoney } from '../policy/money';
import type { Campaign } from './campaign-schema';

// Rendering of a campaign template for one debtor.
//
// Every text message carries the Regulation F disclosure (§1006.18(e): the initial communication
// says it is an attempt to collect a debt, later ones that they are from a debt collector) and an
// opt-out instruction (§1006.6(e)). Rather than refuse templates that forget them, the renderer
// adds them to every SMS: the disclosure first, the campaign's opt-out text last, unless the
// template places {{disclosure}} or {{optOutText}} itself. Voice scripts get neither added: the
// disclosure is spoken once the right person is on the line (§1006.6(d) forbids telling anyone
// else about the debt), and a call has no text opt-out.

/** Debtor values for one rendering. */
export interface TemplateValues {
  name: string;
  /** Minor units of the campaign currency. */
  amountDue: number;
  /** Calendar date, YYYY-MM-DD. */
  dueDate: string;
  paymentLink: string;
  /** Which §1006.18(e) disclosure this message carries: the first communication's or a later one's. */
  communication: 'initial' | 'subsequent';
}

interface RenderContext {
  campaign: Campaign;
  language: string;
  values: TemplateValues;
}

const fillers = {
  name: ({ values }: RenderContext) => values.name,
  amountDue: ({ campaign, language, values }: RenderContext) => formatMoney(values.amountDue, campaign.currency, language),
  dueDate: ({ language, values }: RenderContext) => formatCalendarDate(values.dueDate, language),
  paymentLink: ({ values }: RenderContext) => values.paymentLink,
  campaignName: ({ campaign }: RenderContext) => campaign.name,
  optOutText: ({ campaign, language }: RenderContext) => campaign.optOutText[language],
  disclosure: ({ campaign, language, values }: RenderContext) => campaign.disclosures[language][values.communication],
};

export type Placeholder = keyof typeof fillers;

/** The placeholders a template may use; any other name is a validation error. */
export const placeholders = Object.keys(fillers) as Placeholder[];

// A dotted name reads one field of a group: a survey's {{hidden.order}} is the import's 'order' column.
const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*)?)\s*\}\}/g;

/** Names of the {{placeholders}} in a text, each once, in order of first appearance (known or not). */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(placeholderPattern), (match) => match[1]))];
}

/** True when braces remain after the placeholders are taken out ('{{name}', '{{ first name }}'). */
export function hasMalformedPlaceholder(text: string): boolean {
  return /\{\{|\}\}/.test(text.replace(placeholderPattern, ''));
}

/**
 * The campaign language to use for a debtor's language: the same tag, else the same primary
 * language ('zh' or 'zh-Hans-CN' -> 'zh-CN', 'en-US' -> 'en'), else the campaign's first language.
 */
export function campaignLanguageFor(campaign: Pick<Campaign, 'languages'>, language: string): string {
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  return (
    campaign.languages.find((candidate) => candidate === language) ??
    campaign.languages.find((candidate) => primary(candidate) === primary(language)) ??
    campaign.languages[0]
  );
}

/** The template's text for the debtor, with every placeholder filled and, for SMS, disclosure and opt-out in place. */
export function renderTemplate(campaign: Campaign, templateId: string, language: string, values: TemplateValues): string {
  const template = campaign.templates[templateId];
  if (!template) throw new Error(`campaign '${campaign.id}' has no template '${templateId}'`);
  const context: RenderContext = { campaign, language: campaignLanguageFor(campaign, language), values };
  let text = template.text[context.language];
  if (text === undefined) throw new Error(`template '${templateId}' has no '${context.language}' text`);

  if (template.channel === 'sms') {
    const used = placeholdersIn(text);
    if (!used.includes('disclosure')) text = `{{disclosure}}\n${text}`;
    if (!used.includes('optOutText')) text = `${text}\n{{optOutText}}`;
  }
  return text.replace(placeholderPattern, (_match, name: string) => {
    if (!Object.hasOwn(fillers, name)) throw new Error(`template '${templateId}' uses unknown placeholder {{${name}}}`);
    return fillers[name as Placeholder](context);
  });
}

/** '2026-03-15' -> 'March 15, 2026' (en) or '2026年3月15日' (zh-CN); a calendar date has no time zone. */
function formatCalendarDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`due date '${isoDate}' is not YYYY-MM-DD`);
  const [year, month, day] = match.slice(1).map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}
