import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { eventually, type CollectionsStack } from './collections-stack';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';
import type { CallResult, CallWorkflowInput } from '../../workflows/call/call.messages';
import type { PersonaInput, TranscriptEntry } from '../../src/simulator';
import { debtorProfile } from './debtor-fixtures';

/**
 * A time zone where it is now mid-day, so a call placed now is inside every contact window
 * (08:00-21:00 local) whenever the tests run.
 */
export function daytimeZone(now = Date.now()): string {
  const zones = ['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Tokyo', 'Pacific/Auckland', 'America/Sao_Paulo'];
  const zone = zones.find((z) => {
    const hour = DateTime.fromMillis(now, { zone: z }).hour;
    return hour >= 10 && hour < 18;
  });
  if (!zone) throw new Error('no listed time zone is in its daytime now');
  return zone;
}

/** Starts one call workflow directly (as the debtor workflow's child would be) and waits for its outcome. */
export async function runCall(stack: CollectionsStack, callWorkflowId: string, input: Omit<CallWorkflowInput, 'voiceQueue'>): Promise<CallResult> {
  const { gateway } = stack.service;
  return gateway.client.workflow.execute('callWorkflow', {
    workflowId: callWorkflowId,
    taskQueue: gateway.queues.main,
    args: [{ ...input, voiceQueue: gateway.queues.voice }],
    workflowExecutionTimeout: '2 minutes',
  });
}

export function callInput(debtor: DebtorProfile, overrides: Partial<CallWorkflowInput> = {}): Omit<CallWorkflowInput, 'voiceQueue'> {
  return {
    attemptKey: `test/${debtor.accountRef}/call`,
    debtorWorkflowId: `debtor/voice-test/${debtor.accountRef}`,
    campaignId: 'voice-test',
    campaignVersion: 1,
    stepId: 'first-call',
    debtor,
    strategy: 'friendly-reminder',
    balanceMinor: debtor.amountDueMinor,
    initialCommunication: true,
    ...overrides,
  };
}

/** What the person heard the service say, in order. */
export function serviceSaid(transcript: readonly TranscriptEntry[]): string[] {
  return transcript.flatMap((e) => (e.kind === 'service-said' ? [e.text] : []));
}

export function personSaid(transcript: readonly TranscriptEntry[]): string[] {
  return transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : e.kind === 'person-pressed' ? [e.digits] : []));
}

/**
 * A human task as stored, once it has `reason`: a hand-off posts its task at once and the debtor
 * workflow says what became of the call on it later (and shows the task before either write).
 */
export function storedHumanTask(stack: CollectionsStack, taskId: string | undefined, reason: string) {
  return eventually(`the stored ${reason} task`, async () => {
    const task = taskId ? await stack.service.mongo.models.humanTasks.findOne({ taskId }).lean() : null;
    return task?.reason === reason ? task : undefined;
  });
}

/** The task of a call an agent took: open, with the call's summary and redacted turns, for the agent to resolve. */
export async function expectAgentTask(stack: CollectionsStack, taskId: string | undefined, summary: RegExp): Promise<void> {
  const task = await storedHumanTask(stack, taskId, 'call-transfer');
  expect(task).toMatchObject({ status: 'open', callWorkflowId: expect.stringContaining('/call/') });
  expect(task.summary).toMatch(summary);
  expect(task.summary).toMatch(/An agent took the call: record what was agreed\.$/);
  expect(task.transcript?.length).toBeGreaterThan(2);
}

/**
 * Someone who confirms being `name` with their year of birth, says "Okay." to "is now a good
 * time?", then says `then` to everything else. The greeting is matched on its own words (the
 * rule engine's "may I speak with", an LLM's "am I speaking with"): the keypad menu says "speak
 * with someone" too.
 */
export function verifiedCaller(name: string, yearOfBirth: number, then: string | { say: string; confidence: number }): PersonaInput {
  return {
    description: `Confirms being ${name}, then: ${typeof then === 'string' ? then : then.say}`,
    answers: 'person',
    ringSeconds: 1,
    identity: { name, yearOfBirth },
    conversation: {
      thinkSeconds: 0,
      rules: [
        { match: 'year of birth', reply: '{{yearOfBirth}}' },
        { match: 'may i (please )?speak with|am i speaking with', reply: 'Yes, this is {{name}}.' },
        { match: 'good time', reply: 'Okay.' },
      ],
      otherwise: then,
    },
  };
}

/** A debtor of the voice-test campaign whose call is a debtor's (`debtor/<campaign>/<account>/call/...`), as the Live page names it. */
export function campaignCall(accountRef: string, phone: string) {
  const debtor = debtorProfile(accountRef, phone, { timeZone: daytimeZone() });
  const debtorWorkflowId = `debtor/voice-test/${accountRef}`;
  return { debtor, call: `${debtorWorkflowId}/call/first-call`, input: callInput(debtor, { attemptKey: `${accountRef}/first-call`, debtorWorkflowId }) };
}
