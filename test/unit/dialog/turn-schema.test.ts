import { describe, expect, it } from 'vitest';
import { CALL_STATES } from '../../../src/dialog/call-states';
import { INTENTS } from '../../../src/dialog/turn-schema';
import { turnDecisionJsonSchema, turnDecisionSchema } from '../../../src/dialog/turn-decision-schema';

type JsonObjectSchema = { type?: string; properties?: Record<string, JsonObjectSchema>; required?: string[]; additionalProperties?: boolean };

function objectSchemas(schema: JsonObjectSchema): JsonObjectSchema[] {
  const nested = Object.values(schema.properties ?? {}).flatMap(objectSchemas);
  return schema.type === 'object' ? [schema, ...nested] : nested;
}

const validDecision = {
  reply: 'To confirm: you will pay $50 on Friday, December 5. Is that right?',
  intent: 'promise-to-pay',
  entities: { amountMinor: 5_000, date: '2025-12-05', instalments: null, digits: null },
  sentiment: 0.2,
  confidence: 0.9,
  nextState: 'recap',
};

describe('the turn decision schema', () => {
  it('accepts a well-formed decision', () => {
    expect(turnDecisionSchema.parse(validDecision)).toEqual(validDecision);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an intent outside the enum', { intent: 'pay-later' }],
    ['a state outside the enum', { nextState: 'negotiate' }],
    ['a date not in YYYY-MM-DD', { entities: { ...validDecision.entities, date: '12/05/2025' } }],
    ['a negative amount', { entities: { ...validDecision.entities, amountMinor: -1 } }],
    ['a fractional amount', { entities: { ...validDecision.entities, amountMinor: 50.5 } }],
    ['a sentiment above 1', { sentiment: 1.5 }],
    ['a confidence below 0', { confidence: -0.1 }],
    ['an extra field', { mood: 'happy' }],
  ])('rejects %s', (_name, change) => {
    expect(turnDecisionSchema.safeParse({ ...validDecision, ...change }).success).toBe(false);
  });

  it('exports a JSON Schema fit for strict structured outputs: every property required, no extras', () => {
    const objects = objectSchemas(turnDecisionJsonSchema as JsonObjectSchema);
    expect(objects).toHaveLength(2);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect([...(object.required ?? [])].sort()).toEqual(Object.keys(object.properties ?? {}).sort());
    }
    expect(turnDecisionJsonSchema).not.toHaveProperty('$schema');
  });

  it('lists the intents and states in the JSON Schema', () => {
    const properties = (turnDecisionJsonSchema as { properties: Record<string, { enum?: string[] }> }).properties;
    expect(properties.intent?.enum).toEqual([...INTENTS]);
    expect(properties.nextState?.enum).toEqual([...CALL_STATES]);
  });
});
