import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { eventually, type CollectionsStack } from './collections-stack';
import { call, csv, yaml } from './api-calls';
import { daytimeZone } from './call-fixtures';
import type { PersonaInput } from '../../src/simulator';
import type { CollectionFacts } from '../../src/kpi/collection-kpis';

// Known collections facts made through the real write paths (the import API, calls through the
// Twilio simulator, promises and payments through the API), for the dashboard tests to read back.

/** voice-test.yaml: one call at start with no retry, then nothing for three days. */
const campaignYaml = readFileSync(path.resolve(__dirname, '../fixtures/campaigns/voice-test.yaml'), 'utf8');

/** Confirms being the debtor and the year of birth, then ends the call. */
const verifiedThenBye: PersonaInput = {
  description: 'Confirms being Jordan Lee and the year of birth, then says goodbye',
  answers: 'person',
  ringSeconds: 1,
  identity: { name: 'Jordan Lee', yearOfBirth: 1985 },
  conversation: {
    thinkSeconds: 0,
    rules: [
      { match: 'year of birth', reply: '{{yearOfBirth}}' },
      { match: 'may i (please )?speak with', reply: 'Yes, this is {{name}}.' },
    ],
    otherwise: { say: 'I cannot talk now. Goodbye.', hangUp: true },
  },
};

export interface KnownFacts {
  campaignId: string;
  /** Every fact but the handle time, which is whatever the simulator's one answered call lasted. */
  facts: Omit<CollectionFacts, 'handleSeconds'> & { handleSeconds: number };
  promiseDueDate: string;
}

/**
 * Three accounts of 100.00, 125.00 and 150.00: one answers and is verified, then promises 40.00
 * and pays it (kept); one never answers; one never answers and pays its 150.00 in full (cured).
 */
export async function makeKnownFacts(stack: CollectionsStack, campaignId: string, phones: [string, string, string]): Promise<KnownFacts> {
  const base = stack.service.httpUrl!;
  const applied = await call(base, 'PUT', '/campaigns', yaml(campaignYaml.replace(/^id: .*$/m, `id: ${campaignId}`)));
  expect(applied.status).toBe(201);
  const [talker, silent, payer] = phones;
  stack.simulator.people.assign(talker, verifiedThenBye);
  stack.simulator.people.assign(silent, 'never-answers');
  stack.simulator.people.assign(payer, 'never-answers');
  const zone = daytimeZone();
  const rows = [
    'accountRef,fullName,firstName,phone,timeZone,amountDue,dueDate,birthYear,artificialVoiceConsent',
    `K-1,Jordan Lee,Jordan,${talker},${zone},100.00,2026-11-01,1985,yes`,
    `K-2,Alex Kim,Alex,${silent},${zone},125.00,2026-11-01,1980,yes`,
    `K-3,Sam Park,Sam,${payer},${zone},150.00,2026-11-01,1975,yes`,
  ].join('\n');
  expect((await call(base, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(rows))).body).toMatchObject({ started: 3 });

  await eventually('the three calls to end', async () => {
    await stack.simulator.settle();
    const ended = phones.map((to) => stack.simulator.store.listCalls({ to }).filter((c) => c.endTime !== null).length);
    return ended.every((n) => n === 1) ? true : undefined;
  }, 90_000);
  // The call's outcome reaches the account after the call: only then does it take a promise.
  await eventually('the verified call to be recorded', async () => {
    const timeline = await call(base, 'GET', `/campaigns/${campaignId}/debtors/K-1/timeline`);
    return JSON.stringify(timeline.body).includes('call-outcome') ? true : undefined;
  }, 60_000);

  const promiseDueDate = DateTime.utc().plus({ days: 5 }).toISODate()!;
  const promised = await call(base, 'POST', `/campaigns/${campaignId}/debtors/K-1/promises`, { amount: '40.00', dueDate: promiseDueDate });
  expect(promised.status, JSON.stringify(promised.body)).toBe(200);
  for (const [ref, amount, id] of [['K-1', '40.00', 'kp-1'], ['K-3', '150.00', 'kp-3']] as const) {
    const paid = await call(base, 'POST', `/campaigns/${campaignId}/debtors/${ref}/payments`, { amount, paymentId: `${campaignId}-${id}` });
    expect(paid.status, JSON.stringify(paid.body)).toBeLessThan(300);
  }
  const talked = stack.simulator.store.listCalls({ to: talker })[0]!;
  return {
    campaignId,
    promiseDueDate,
    facts: {
      attempts: 3,
      liveContacts: 1,
      rightPartyContacts: 1,
      promises: 1,
      promisesDue: 1,
      promisesKept: 1,
      collectedMinor: 19_000,
      accountsAssigned: 3,
      assignedMinor: 37_500,
      accountsCured: 1,
      handOffs: 0,
      handledCalls: 1,
      handleSeconds: talked.durationSeconds ?? -1,
    },
  };
}

/** GET /dashboards/collections with `query`, once its overall facts are the known ones (the rollups are written beside the events, a moment after them). */
export async function countedDashboard(base: string, query: Record<string, string>, known: KnownFacts, headers?: Record<string, string>): Promise<any> {
  const read = async () => (await call(base, 'GET', `/dashboards/collections?${new URLSearchParams(query)}`, undefined, headers)).body;
  return eventually('every fact counted', async () => {
    const body = await read();
    return JSON.stringify(body.overall?.facts) === JSON.stringify(known.facts) ? body : undefined;
  }, 60_000).catch(async (err: unknown) => {
    throw new Error(`${String(err)}: counted ${JSON.stringify((await read()).overall?.facts)}, expected ${JSON.stringify(known.facts)}`);
  });
}
