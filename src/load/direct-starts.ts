import { TemporalGateway } from '../temporal/gateway';
import { afternoonTimeZone, loadCampaignId, loadDebtorProfile } from './debtor-rows';
import { type LoadStack, taskQueue } from './stack';

// Starts load debtors' workflows through the Temporal client, as the import does after its writes.
// The sleepers scenario measures what the worker holds; the import's own writes (debtor rows,
// import records, audit) go to FerretDB and PostgreSQL, which share the machine's two cores with
// the dev server and the worker, and make a run of 100,000 take hours.

const inFlight = 64;

/** Starts debtors [from, to) under campaign version 1; returns how many were started. */
export async function startDebtorsDirectly(stack: LoadStack, from: number, to: number): Promise<number> {
  const gateway = new TemporalGateway(stack.temporal, taskQueue);
  const timeZone = afternoonTimeZone();
  let next = from;
  let started = 0;
  const lane = async () => {
    while (next < to) {
      const index = next++;
      const outcome = await gateway.startDebtor({ campaignId: loadCampaignId, campaignVersion: 1, debtor: loadDebtorProfile(index, timeZone) });
      if (outcome.started) started++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return started;
}
