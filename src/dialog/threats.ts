import { containsAbuse } from './abuse';
import { normalizeText } from './text-normalize';
import type { Consequence } from './turn-context';

/**
 * Statements an agent must never make. Arrest, jail, seizure or telling employers and family are
 * false or misleading representations (12 CFR 1006.18(c)(4), (c)(5)) whatever the campaign says;
 * wage garnishment needs a judgment first, so it is never a consequence of missing this payment.
 */
const ALWAYS_FORBIDDEN: readonly RegExp[] = [
  /\b(?:arrest\w*|jail|prison|police|criminal|prosecut\w*|warrant|garnish\w*|seiz\w*|repossess\w*|deport\w*|ruin your|(?:tell|call|contact|inform) your (?:employer|boss|family|neighbou?rs|friends|work))\b/,
  /逮捕|坐牢|监狱|拘留|报警|警察|犯罪|刑事|扣(?:你的?|您的?)?工资|查封|没收|冻结|强制执行|上门|通知(?:你|您)的?(?:单位|公司|家人|老板|同事|邻居|朋友)|曝光/,
];

/** Consequences that may be stated only when the creditor has confirmed it can and will take them (1006.18(c)(5)). */
const CONDITIONAL: Readonly<Record<Consequence, RegExp>> = {
  lawsuit: /\b(?:sue|sued|suing|lawsuits?|legal action|court|judge?ments?)\b|起诉|法院|诉讼|打官司/,
  'credit-reporting': /\bcredit (?:bureaus?|reports?|reporting|score|rating|record)\b|征信|信用记录/,
  'late-fees': /\blate fees?\b|滞纳金/,
};

/** Violation codes for threats and unpermitted consequences in a reply. */
export function threatViolations(reply: string, permitted: readonly Consequence[]): string[] {
  const text = normalizeText(reply);
  const unpermitted = (Object.keys(CONDITIONAL) as Consequence[]).filter(
    (consequence) => !permitted.includes(consequence) && CONDITIONAL[consequence].test(text),
  );
  return [
    ...(ALWAYS_FORBIDDEN.some((pattern) => pattern.test(text)) ? ['threat'] : []),
    ...unpermitted.map((consequence) => `unpermitted-consequence:${consequence}`),
    // Obscene or profane language is harassment (1006.14(d)).
    ...(containsAbuse(reply) ? ['profanity'] : []),
  ];
}
