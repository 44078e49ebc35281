// What the simulator's ledger says about a run: first texts per debtor, and contacts made twice.

/** The fields of a simulator message or call the counts need. */
export interface LedgerMessage {
  to: string;
  body: string;
  direction: string;
}

export interface LedgerCall {
  to: string;
  direction: string;
}

export interface Duplicates {
  /** Contacts beyond the first for the same person and step. */
  count: number;
  /** A few of them, for the report: "+12025550101 first-text ×2". */
  examples: string[];
}

/**
 * The load campaign's templates (examples/campaigns/load-collections.yaml) carry "[step-id]", so
 * a text names the cadence step that sent it; a text without one counts by its whole body.
 */
export function stepOfText(body: string): string {
  return [...body.matchAll(/\[([a-z0-9-]+)\]/gi)].at(-1)?.[1] ?? body;
}

/** The same person texted twice for one step. */
export function duplicateTexts(messages: Iterable<LedgerMessage>): Duplicates {
  const keys: string[] = [];
  for (const message of messages) if (message.direction === 'outbound-api') keys.push(`${message.to} ${stepOfText(message.body)}`);
  return duplicatesOf(keys);
}

/** The same person called twice: in a load run each number is called once. */
export function duplicateCalls(calls: Iterable<LedgerCall>): Duplicates {
  const keys: string[] = [];
  for (const call of calls) if (call.direction === 'outbound-api') keys.push(call.to);
  return duplicatesOf(keys);
}

function duplicatesOf(keys: readonly string[]): Duplicates {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1);
  return {
    count: repeated.reduce((sum, [, n]) => sum + n - 1, 0),
    examples: repeated.slice(0, 5).map(([key, n]) => `${key} ×${n}`),
  };
}
