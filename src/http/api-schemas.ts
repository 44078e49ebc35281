import { z } from 'zod';
import { campaignSchema } from '../campaigns/campaign-schema';
import { accountRefPattern } from '../use-cases/debtor-row';
import { humanTaskOutcomes } from '../use-cases/human-task-resolution';
import type { DebtorStatus } from '../../workflows/debtor/debtor.messages';

// The shapes of the API's parameters and bodies: the routes parse requests with them, and the
// OpenAPI document (openapi.ts) is generated from them, so the two cannot disagree.

const statuses: Record<DebtorStatus, true> = {
  contacting: true,
  paused: true,
  'awaiting-promise': true,
  'on-plan': true,
  'awaiting-agent': true,
  'cooling-down': true,
  paid: true,
  'settled-by-plan': true,
  disputed: true,
  ceased: true,
  exhausted: true,
  closed: true,
};
/** Every status a debtor can have (the Record above fails to compile when DebtorStatus changes). */
export const debtorStatuses = Object.keys(statuses) as [DebtorStatus, ...DebtorStatus[]];

const campaignId = campaignSchema.shape.id.describe("The campaign's id, as in its document");
const accountRef = z
  .string()
  .regex(accountRefPattern, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
  .describe("The debtor's account reference, as imported");
const text = z.string().trim().min(1, 'must not be empty').max(1000);
const dueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').describe("A date in the debtor's time zone, YYYY-MM-DD");
// One of the two: the use case says so when both or neither are given.
const amountFields = {
  amount: z.string().max(32).optional().describe('Decimal text in the account\'s currency, like "25.00"; or give amountMinor'),
  amountMinor: z.int().positive().optional().describe('Whole minor units (cents); or give amount'),
};
const promise = z.strictObject({ ...amountFields, dueDate });
const plan = z.strictObject({
  instalments: z.array(z.strictObject({ ...amountFields, dueDate })).min(1, 'needs at least one instalment').max(60),
});

export const campaignParams = z.strictObject({ campaignId });
const experimentIds = {
  experimentId: campaignSchema.shape.id.describe("The experiment's id, as in the document"),
  armId: campaignSchema.shape.id.describe("The arm's id, as in the document"),
};
export const experimentArmParams = z.strictObject({ campaignId, ...experimentIds });
export const surveyExperimentArmParams = z.strictObject({ surveyId: campaignSchema.shape.id.describe("The survey's id, as in its document"), ...experimentIds });
export const campaignQuery = z.strictObject({
  version: z.coerce.number().int().min(1).optional().describe('A version number; absent: the latest'),
});

export const debtorParams = z.strictObject({ campaignId, accountRef });
export const humanTaskParams = z.strictObject({ campaignId, accountRef, taskId: z.string().min(1).max(300).describe('The task id the workflow gave (URL-encoded)') });

export const debtorListQuery = z.strictObject({
  status: z.enum(debtorStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: accountRef.optional().describe("The `next` of the previous page"),
});

export const debtorPaymentsQuery = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1).max(500).default(100).describe('The newest this many payments'),
});

/** Headers of a payment request; others are not looked at. */
export const paymentHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters')
    .optional()
    .describe('Used when the body has no paymentId: a request repeated with the same key records the payment once'),
});

export const debtorActionBodies = {
  payments: z.strictObject({
    ...amountFields,
    paymentId: z.string().min(1).max(200).optional().describe('Your id for the payment: a request repeated with it records the payment once'),
  }),
  promises: promise,
  plans: plan,
  dispute: z.strictObject({ reason: text }),
  cease: z.strictObject({ source: text.describe('Who asked to stop, and how (letter, call, email)') }),
  pause: z.strictObject({ reason: text }),
  resume: z.strictObject({}).optional(),
  close: z.strictObject({ reason: text }),
};

export const humanTaskResolutionBody = z.strictObject({
  outcome: z
    .enum(humanTaskOutcomes)
    .describe('payment-taken records `payment` as an operator payment; dispute-noted stops contact (notes: the reason); callback goes on contacting, with the callback in the notes'),
  notes: z.string().max(2000).default(''),
  promise: promise.optional().describe('Required when the outcome is promise'),
  plan: plan.optional().describe('Required when the outcome is plan'),
  payment: z.strictObject(amountFields).optional().describe('Required when the outcome is payment-taken'),
});
