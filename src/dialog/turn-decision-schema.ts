import { z } from 'zod';
import { CALL_STATES } from './call-states';
import { INTENTS } from './turn-vocabulary';

// The zod schemas of a turn decision, for the LLM's structured output and the checks on any
// decision. Apart from turn-schema.ts, whose plain values the workflow bundle imports: a workflow
// evaluates every module it imports once per workflow, and zod's schemas are costly to build.

export const intentSchema = z.enum(INTENTS);

/**
 * Entity fields are required and nullable rather than optional: OpenAI structured outputs in strict
 * mode require every property to be listed as required, so this one schema serves both the LLM and
 * the rule engine.
 */
export const entitiesSchema = z
  .strictObject({
    amountMinor: z.int().min(0).nullable().describe('Amount in minor units of the account currency (cents); for a plan, the regular instalment.'),
    date: z.iso.date().nullable().describe('Calendar date YYYY-MM-DD in the debtor\'s time zone: promised payment date or callback day.'),
    instalments: z.int().min(1).nullable().describe('Number of monthly instalments of a payment plan.'),
    digits: z.string().regex(/^[0-9*#]+$/).nullable().describe('Keypad digits the caller pressed.'),
  })
  .describe('The terms this reply proposes or confirms (after applying the campaign limits), not a raw out-of-limit request.');

export type Entities = z.infer<typeof entitiesSchema>;

export const turnDecisionSchema = z.strictObject({
  reply: z.string().describe('What the agent says next: short, spoken on the phone, in the call language.'),
  intent: intentSchema,
  entities: entitiesSchema,
  sentiment: z.number().min(-1).max(1).describe('Caller sentiment, -1 hostile .. 1 warm.'),
  confidence: z.number().min(0).max(1).describe('Confidence that the caller was heard and understood.'),
  nextState: z.enum(CALL_STATES).describe('The call state after this reply is spoken.'),
});

/** A decision; the rule engine marks one that answered from the campaign FAQ (never the LLM, whose schema has no such field). */
export type TurnDecision = z.infer<typeof turnDecisionSchema> & { faqId?: string };

/** The JSON Schema of a turn decision, for the LLM request's response_format (json_schema, strict). */
export const turnDecisionJsonSchema: Readonly<Record<string, unknown>> = (() => {
  // Providers reject or ignore the dialect marker; the schema itself is plain draft 2020-12.
  const { $schema: _dialect, ...schema } = z.toJSONSchema(turnDecisionSchema);
  return schema;
})();
