import type { Entities } from './turn-decision-schema';

// What a turn decides, as workflow code sees it: types and plain values only. The zod schemas that
// check a decision are in turn-decision-schema.ts, out of the workflow bundle.

export { INTENTS, type Intent } from './turn-vocabulary';
export type { Entities, TurnDecision } from './turn-decision-schema';

export const NO_ENTITIES: Entities = Object.freeze({ amountMinor: null, date: null, instalments: null, digits: null });
