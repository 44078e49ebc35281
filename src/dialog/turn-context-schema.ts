import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CALL_STATES } from './call-states';
import { LANGUAGES } from './language';
import { CONSEQUENCES, STRATEGIES } from './turn-vocabulary';
import { entitiesSchema, intentSchema } from './turn-decision-schema';

// The zod schemas of a turn's context, kept out of turn-context.ts, which the workflow bundle
// imports: a workflow evaluates every module it imports once per workflow (see turn-decision-schema.ts).

const isoDate = z.iso.date();

const escalationRulesSchema = z.strictObject({
  /** Below this, the turn counts as not understood (ASR confidence and intent confidence, the weaker). */
  minConfidence: z.number().min(0).max(1).default(0.8),
  minSentiment: z.number().min(-1).max(1).default(-0.5),
  /** Intents a person handles: a dispute triggers validation duties, a lawyer or a bankruptcy stops collection talk. */
  alwaysHumanIntents: z.array(intentSchema).default(['dispute', 'lawyer', 'bankruptcy', 'hardship']),
  maxConsecutiveNotUnderstood: z.int().min(1).default(2),
});

export type EscalationRules = z.infer<typeof escalationRulesSchema>;

/** One finished turn: in `state`, the caller said `heard`, the agent answered `said` and moved to `nextState`. */
const historyTurnSchema = z.strictObject({
  state: z.enum(CALL_STATES),
  heard: z.string(),
  said: z.string(),
  intent: intentSchema,
  entities: entitiesSchema,
  nextState: z.enum(CALL_STATES),
  /** The campaign FAQ entry this turn answered: the call went back to where it was. */
  faqId: z.string().min(1).optional(),
});

export type HistoryTurn = z.infer<typeof historyTurnSchema>;

const utteranceSchema = z.strictObject({
  text: z.string(),
  asrConfidence: z.number().min(0).max(1),
  digits: z.string().regex(/^[0-9*#]+$/).optional(),
});

export type Utterance = z.infer<typeof utteranceSchema>;

/** Everything needed to produce one turn of a collections call; small enough for a workflow payload. */
export const turnContextSchema = z.strictObject({
  language: z.enum(LANGUAGES),
  state: z.enum(CALL_STATES),
  strategy: z.enum(STRATEGIES),
  collector: z.strictObject({
    /** A natural person's name the agent speaks as, and gives for call-backs. */
    agentName: z.string().min(1),
    /** Said only after verification: it may reveal that the call is about a debt. */
    companyName: z.string().min(1),
    callbackNumber: z.string().min(1),
  }),
  debtor: z.strictObject({
    firstName: z.string().min(1),
    fullName: z.string().min(1),
    /** Verification answers (verification.ts): the name, the birth year when known, then the campaign's second factor. */
    birthYear: z.int().min(1900).max(2100).optional(),
    zip: z.string().regex(/^\d{3,10}$/).optional(),
    accountLast4: z.string().regex(/^\d{4}$/).optional(),
  }),
  /** Absent in contexts built before campaigns had a verification section: two tries, no second factor. */
  verification: z
    .strictObject({
      maxTries: z.int().min(1),
      secondFactor: z.enum(['zip', 'account-last-4']).optional(),
    })
    .optional(),
  account: z.strictObject({
    creditorName: z.string().min(1),
    amountDueMinor: z.int().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    dueDate: isoDate,
  }),
  offers: z.strictObject({
    maxInstalments: z.int().min(1),
    minInstalmentAmountMinor: z.int().min(1),
    /** A promised payment date may be at most this many days after today (debtor's time zone). */
    maxDaysOut: z.int().min(0),
  }),
  escalation: escalationRulesSchema.prefault({}),
  /** The campaign's texts in the call language (12 CFR 1006.18(e)): the initial one is the mini-Miranda. */
  disclosure: z.strictObject({ initial: z.string().min(1), subsequent: z.string().min(1) }),
  /** True on the first communication with this consumer about this debt. */
  initialCommunication: z.boolean(),
  consequences: z.array(z.enum(CONSEQUENCES)).default([]),
  history: z.array(historyTurnSchema).default([]),
  utterance: utteranceSchema,
  /** Epoch ms UTC; passed in because workflow code must not read the clock. */
  now: z.int(),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'not an IANA time zone'),
  consecutiveNotUnderstood: z.int().min(0).default(0),
  /** The campaign's FAQ in the call language; absent in contexts built before campaigns had one. */
  faq: z
    .array(z.strictObject({ id: z.string().min(1), phrasings: z.array(z.string().min(1)).min(1), answer: z.string().min(1), afterVerification: z.boolean() }))
    .optional(),
  /** The greeting an experiment's arm words (placeholders filled); absent: the script's own. */
  greeting: z.string().min(1).optional(),
  /** The offer an experiment's arm makes first after the balance; absent: the strategy's. */
  leadOffer: z.enum(['pay-now', 'plan']).optional(),
  /** Paid through the link texted during this call, as the payment provider reported it. */
  paidDuringCallMinor: z.int().min(0).optional(),
});

export type TurnContext = z.output<typeof turnContextSchema>;
export type TurnContextInput = z.input<typeof turnContextSchema>;

