import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call } from '../support/api-calls';
import { distressedZone as zone, handDistressedDebtorsToAPerson, queuedTaskOf, startQueueStack } from '../support/human-task-fixtures';

// The agents' queue across the real stack (API, worker, Temporal, FerretDB): a distressed debtor
// goes to a person first (the demo campaign's human-first segment), the task is listed, two agents
// race for it and exactly one gets it, and the holder's resolution moves the debtor's workflow on.

const campaignId = `queue-${randomUUID().slice(0, 8)}`;

describe("the agents' queue", () => {
  let stack: CollectionsStack;
  let url: string;
  let agents: { ana: string; ben: string; auditor: string };
  const as = (key: string) => bearer(key);
  const taskOf = (accountRef: string) => queuedTaskOf(url, agents.ana, campaignId, accountRef);
  const claim = (taskId: string, key: string) => call(url, 'POST', `/human-tasks/${encodeURIComponent(taskId)}/claim`, undefined, as(key));
  const resolve = (accountRef: string, taskId: string, body: object, key: string) =>
    call(url, 'POST', `/campaigns/${campaignId}/debtors/${accountRef}/human-tasks/${encodeURIComponent(taskId)}/resolution`, body, as(key));

  beforeAll(async () => {
    const started = await startQueueStack('human-task-queue');
    ({ stack, url } = started);
    agents = { ...started.agents, auditor: await apiKeyFor(stack.service, 'auditor', 'audrey') };
    const names = ['Pat Kim', 'Lee Park', 'Sam Roe'];
    await handDistressedDebtorsToAPerson(url, campaignId, names.map((fullName, i) => ({ accountRef: `A-${i + 1}`, fullName, phone: `+1202555011${i}`, amountDue: '88.00' })));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when a debtor is handed to a person, then the queue lists the task with its reason, summary and who holds it', async () => {
    const task = await taskOf('A-1');
    expect(task).toMatchObject({
      kind: 'debtor',
      campaignId,
      accountRef: 'A-1',
      status: 'open',
      reason: 'human-first',
      summary: expect.stringContaining('a person works this account first'),
      transcript: [],
      claimedBy: null,
    });
    expect(task.waitSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(task.openedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('when two agents claim the same task at once, then exactly one gets it and the other is told who holds it', async () => {
    const { taskId } = await taskOf('A-1');
    const [first, second] = await Promise.all([claim(taskId, agents.ana), claim(taskId, agents.ben)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    const loserKey = first.status === 200 ? agents.ben : agents.ana;
    expect(lost.body.message).toContain(`claimed by ${won.body.claimedBy}`);
    expect((await taskOf('A-1')).claimedBy).toMatchObject({ agent: won.body.claimedBy });

    // The loser may neither resolve nor release it.
    const refused = await resolve('A-1', taskId, { outcome: 'close', notes: 'not mine' }, loserKey);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(won.body.claimedBy);
    expect((await call(url, 'POST', `/human-tasks/${encodeURIComponent(taskId)}/release`, undefined, as(loserKey))).status).toBe(409);
  });

  it('when the holder resolves with a promise, then the workflow moves on to await the promise and the task leaves the queue', async () => {
    const { taskId, claimedBy } = await taskOf('A-1');
    const holderKey = claimedBy.agent === 'key:ana' ? agents.ana : agents.ben;
    const dueDate = DateTime.now().setZone(zone).plus({ days: 5 }).toISODate()!;

    const resolved = await resolve('A-1', taskId, { outcome: 'promise', notes: 'will pay Friday', promise: { amount: '40.00', dueDate } }, holderKey);

    expect(resolved.status).toBe(200);
    const debtor = await call(url, 'GET', `/campaigns/${campaignId}/debtors/A-1`, undefined, as(agents.ana));
    expect(debtor.body.state).toMatchObject({ status: 'awaiting-promise', promise: { amountMinor: 4_000, dueDate } });
    expect(debtor.body.state.humanTask).toBeUndefined();
    const open = await call(url, 'GET', '/human-tasks', undefined, as(agents.ana));
    expect(open.body.tasks.map((task: { taskId: string }) => task.taskId)).not.toContain(taskId);
    const done = await call(url, 'GET', '/human-tasks?status=resolved', undefined, as(agents.ana));
    expect(done.body.tasks.find((task: { taskId: string }) => task.taskId === taskId)).toMatchObject({ status: 'resolved', claimedBy: null });
    const stored = await stack.service.mongo.models.humanTasks.findOne({ taskId }).lean();
    expect(stored?.agentActions?.map(({ action, by, outcome }) => ({ action, by, outcome: outcome ?? undefined }))).toEqual([
      { action: 'claimed', by: claimedBy.agent, outcome: undefined },
      { action: 'resolved', by: claimedBy.agent, outcome: 'promise' },
    ]);
  });

  it('when an agent resolves with a payment taken, then the payment is recorded and the balance falls', async () => {
    const { taskId } = await taskOf('A-2');
    expect((await claim(taskId, agents.ben)).status).toBe(200);

    const resolved = await resolve('A-2', taskId, { outcome: 'payment-taken', notes: 'paid by card on the phone', payment: { amount: '30.00' } }, agents.ben);

    expect(resolved.status).toBe(200);
    const state = await eventually('the payment to reach the workflow', async () => {
      const debtor = await call(url, 'GET', `/campaigns/${campaignId}/debtors/A-2`, undefined, as(agents.ben));
      return debtor.body.state.balanceMinor === 5_800 ? debtor.body.state : undefined;
    });
    expect(state).toMatchObject({ paidMinor: 3_000 });
    expect(state.humanTask).toBeUndefined();
    expect(await stack.service.mongo.models.payments.findOne({ paymentId: `manual-${taskId}` }).lean()).toMatchObject({ amountMinor: 3_000, recordedBy: 'key:ben' });
  });

  it('when an agent notes a dispute, then contact stops, the dispute comes back to the queue to be verified, and only closing resolves it', async () => {
    const { taskId } = await taskOf('A-3');
    expect((await claim(taskId, agents.ana)).status).toBe(200);

    const resolved = await resolve('A-3', taskId, { outcome: 'dispute-noted', notes: 'says the debt was paid in 2024' }, agents.ana);

    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'disputed' });
    const next = await eventually('the dispute task', async () => {
      const task = await taskOf('A-3');
      return task.taskId !== taskId ? task : undefined;
    });
    expect(next).toMatchObject({ reason: 'disputed', claimedBy: null });

    // The account has ended, so the dispute's own task is closed on the task: nothing goes on.
    const resume = await resolve('A-3', next.taskId, { outcome: 'resume-contact', notes: 'verified' }, agents.ana);
    expect(resume.status).toBe(422);
    expect(resume.body.details).toEqual([{ path: 'outcome', message: expect.stringContaining('only close resolves its tasks') }]);
    expect((await resolve('A-3', next.taskId, { outcome: 'close', notes: 'verification letter sent' }, agents.ana)).status).toBe(200);
    const open = await call(url, 'GET', '/human-tasks', undefined, as(agents.ana));
    expect(open.body.tasks.map((task: { taskId: string }) => task.taskId)).not.toContain(next.taskId);
  });

  it('when a cursor is not one the queue gave, or an auditor asks, then the queue refuses', async () => {
    const bad = await call(url, 'GET', '/human-tasks?cursor=nope', undefined, as(agents.ana));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    expect((await call(url, 'GET', '/human-tasks', undefined, as(agents.auditor))).status).toBe(403);
  });
});
