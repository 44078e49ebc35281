import { ratio } from './ratio';

// The collections KPIs, defined once: the API, the console (its types) and a metrics endpoint all
// compute them here from counted facts (kpi-facts.ts says which event counts as which fact).

/** What happened, as counts over some period and group. Money is integer minor units. */
export interface CollectionFacts {
  /** Contact attempts made (texts and calls; a step skipped for an opt-out is not one). */
  attempts: number;
  /** Calls a person answered (the cadence's 'answered' or 'handed-to-agent'). */
  liveContacts: number;
  /** Calls on which the person proved to be the debtor (right-party verification). */
  rightPartyContacts: number;
  /** Promises to pay recorded (on a call, or by an agent). */
  promises: number;
  /** Promises whose due date falls in the period (counted when the promise is recorded). */
  promisesDue: number;
  /** Of those, the ones paid in full by their date. */
  promisesKept: number;
  collectedMinor: number;
  /** Accounts whose work began (imported and started), and what they owed then. */
  accountsAssigned: number;
  assignedMinor: number;
  /** Accounts closed as paid in full or settled by a completed plan. */
  accountsCured: number;
  /** Calls handed to a person (to an agent's number or queue, whether or not one answered). */
  handOffs: number;
  /** Calls a person answered, and their total length: the handle time. */
  handledCalls: number;
  handleSeconds: number;
}

export interface CollectionKpis {
  /** Live contacts ÷ attempts. */
  contactRate: number | null;
  /** Right-party contacts ÷ live contacts. */
  rightPartyContactRate: number | null;
  /** Promises ÷ right-party contacts. */
  promiseToPayRate: number | null;
  /** Promises kept ÷ promises that came due. */
  keptPromiseRate: number | null;
  collectedMinor: number;
  /** Collected ÷ assigned (money). */
  liquidationRate: number | null;
  /** Accounts cured ÷ accounts assigned. */
  cureRate: number | null;
  /** Hand-offs ÷ live contacts. */
  handOffRate: number | null;
  /** Handle seconds ÷ handled calls. */
  averageHandleSeconds: number | null;
}

export const collectionFactNames = [
  'attempts',
  'liveContacts',
  'rightPartyContacts',
  'promises',
  'promisesDue',
  'promisesKept',
  'collectedMinor',
  'accountsAssigned',
  'assignedMinor',
  'accountsCured',
  'handOffs',
  'handledCalls',
  'handleSeconds',
] as const satisfies ReadonlyArray<keyof CollectionFacts>;

export function noCollectionFacts(): CollectionFacts {
  return Object.fromEntries(collectionFactNames.map((name) => [name, 0])) as unknown as CollectionFacts;
}

export function collectionKpis(facts: CollectionFacts): CollectionKpis {
  return {
    contactRate: ratio(facts.liveContacts, facts.attempts),
    rightPartyContactRate: ratio(facts.rightPartyContacts, facts.liveContacts),
    promiseToPayRate: ratio(facts.promises, facts.rightPartyContacts),
    keptPromiseRate: ratio(facts.promisesKept, facts.promisesDue),
    collectedMinor: facts.collectedMinor,
    liquidationRate: ratio(facts.collectedMinor, facts.assignedMinor),
    cureRate: ratio(facts.accountsCured, facts.accountsAssigned),
    handOffRate: ratio(facts.handOffs, facts.liveContacts),
    averageHandleSeconds: ratio(facts.handleSeconds, facts.handledCalls),
  };
}

/** Adds `more` into `sum` (the facts of a longer period or a larger group). */
export function addCollectionFacts(sum: CollectionFacts, more: Partial<CollectionFacts>): void {
  for (const name of collectionFactNames) sum[name] += more[name] ?? 0;
}
