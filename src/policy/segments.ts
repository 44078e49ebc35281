import { parseCondition, type Condition, type DebtorNumberField, type Strategy } from '../campaigns/campaign-notation';
import type { Campaign } from '../campaigns/campaign-schema';

// Which strategy a debtor gets: the campaign's segments are tried in order, the first whose every
// condition holds wins, and a debtor matching none gets the campaign's default strategy.

/** The debtor data segment conditions read. */
export type DebtorProfile = Record<DebtorNumberField, number> & {
  /** Markers set by imports or by earlier conversations ('distressed', 'angry'). */
  flags: readonly string[];
};

export interface StrategyChoice {
  /** The matching segment, or null when the default strategy applies. */
  segmentId: string | null;
  strategy: Strategy;
}

export function chooseStrategy(campaign: Pick<Campaign, 'segments' | 'defaultStrategy'>, debtor: DebtorProfile): StrategyChoice {
  const segment = campaign.segments.find((candidate) => candidate.when.every((text) => holds(readCondition(text), debtor)));
  return segment ? { segmentId: segment.id, strategy: segment.strategy } : { segmentId: null, strategy: campaign.defaultStrategy };
}

function readCondition(text: string): Condition {
  const condition = parseCondition(text);
  if (!condition) throw new Error(`'${text}' is not a segment condition; validate the campaign first`);
  return condition;
}

function holds(condition: Condition, debtor: DebtorProfile): boolean {
  if (condition.field === 'flags') {
    return debtor.flags.includes(condition.value) === (condition.op === 'includes');
  }
  const actual = debtor[condition.field];
  switch (condition.op) {
    case '>=':
      return actual >= condition.value;
    case '>':
      return actual > condition.value;
    case '<=':
      return actual <= condition.value;
    case '<':
      return actual < condition.value;
    case '==':
      return actual === condition.value;
    case '!=':
      return actual !== condition.value;
  }
}
