import { z } from 'zod';
import { ANSWERED_BY } from '../records';

/**
 * A simulated person, as data. Every duration is in real-world seconds; the simulator scales them
 * (to zero in tests). Objects are strict so that a misspelt field is an error naming it.
 */

const isValidRegex = (source: string) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
};

/** What the person does when asked for input: speak, press keys, or stay silent. */
const replyObjectSchema = z
  .strictObject({
    say: z.string().min(1).optional(),
    digits: z
      .string()
      .regex(/^([0-9*#]|\$[1-9]|\{\{\s*\w+\s*\}\})+$/, 'digits may contain only 0-9, *, # and placeholders')
      .optional(),
    silence: z.literal(true).optional(),
    /** The recogniser's confidence for this line (0..1); defaults to the conversation's. */
    confidence: z.number().min(0).max(1).optional(),
    /** The language the line is spoken in (BCP 47); defaults to the conversation's. */
    language: z.string().min(2).optional(),
    /** Thinking time before answering; defaults to the conversation's. */
    afterSeconds: z.number().min(0).optional(),
    /** Hang up once this line has been said and heard by the service. */
    hangUp: z.boolean().optional(),
  })
  .refine((r) => [r.say, r.digits, r.silence].filter((v) => v !== undefined).length === 1, {
    message: 'a reply needs exactly one of say, digits or silence',
  });

/** A reply may be written as a plain string: what the person says. */
export const replySchema = z.preprocess(
  (value) => (typeof value === 'string' ? { say: value } : value),
  replyObjectSchema,
);

/** A rule matches what the service said since the person last spoke. */
const ruleSchema = z
  .strictObject({
    /** A regular expression, matched case-insensitively; $1..$9 in the reply take its groups. */
    match: z.string().min(1).refine(isValidRegex, 'not a valid regular expression').optional(),
    /** Any of these words or phrases, case-insensitively (works for Chinese text too). */
    keywords: z.array(z.string().min(1)).min(1).optional(),
    reply: replySchema,
  })
  .refine((r) => r.match !== undefined || r.keywords !== undefined, {
    message: 'a rule needs match or keywords',
  });

const conversationSchema = z.strictObject({
  language: z.string().min(2).default('en-US'),
  /** What the person says on picking up, before the service speaks. */
  pickUpLine: z.string().min(1).default('Hello?'),
  confidence: z.number().min(0).max(1).default(0.92),
  thinkSeconds: z.number().min(0).default(1),
  /** Tried first, in order; the first rule that matches gives the reply. */
  rules: z.array(ruleSchema).default([]),
  /** When no rule matches: the next unused scripted line. */
  script: z.array(replySchema).default([]),
  /** When no rule matches and the script is used up. */
  otherwise: replySchema.default({ silence: true }),
  /** The person hangs up after giving this many answers. */
  hangUpAfterTurns: z.number().int().min(1).optional(),
  /** hangUpAfterTurns holds on the first this many calls only (unset: on every call), so a later call is finished. */
  hangUpOnCalls: z.number().int().min(1).optional(),
});

const smsCommon = {
  afterSeconds: z.number().min(0).default(20),
  /** How many received messages the person reacts to (protects against reply loops). */
  replyLimit: z.number().int().min(0).default(1),
  /** What the handset's carrier reports for messages to this person. */
  delivery: z.enum(['delivered', 'undelivered', 'failed']).default('delivered'),
  /** 'on-a-call': reacts only to texts that arrive while the person is on a call (paying with the agent on the line). */
  when: z.enum(['any-time', 'on-a-call']).default('any-time'),
};

const smsSchema = z.discriminatedUnion('on', [
  /** Reply with a fixed text: "STOP", "PAY", a question... */
  z.strictObject({ on: z.literal('reply'), text: z.string().min(1), ...smsCommon }),
  /** Open the first http(s) link in the message and pay there (POST action=pay). */
  z.strictObject({ on: z.literal('pay-via-link'), ...smsCommon }),
  z.strictObject({ on: z.literal('ignore'), ...smsCommon }),
  /**
   * Text back and forth: each message is answered as the person's conversation answers a call
   * (its rules, then its script, then `otherwise`), so a survey by text reads like one by voice.
   */
  z.strictObject({ on: z.literal('converse'), ...smsCommon, replyLimit: smsCommon.replyLimit.unwrap().default(30) }),
]);

export const personaSchema = z.strictObject({
  description: z.string().min(1),
  /** Who picks up: the person, their voicemail, nobody; busy line; someone else; a failed line. */
  answers: z.enum(['person', 'voicemail', 'nobody', 'busy', 'wrong-person', 'fail']),
  /** Ringing time before the phone is picked up. */
  ringSeconds: z.number().min(0).default(6),
  /** Values for {{placeholders}} in replies, e.g. name and yearOfBirth; overridable per phone. */
  identity: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** What answering machine detection reports, when it should differ from the obvious. */
  answeredBy: z.enum(ANSWERED_BY).optional(),
  voicemail: z
    .strictObject({
      greeting: z.string().min(1),
      greetingSeconds: z.number().min(0).default(8),
    })
    .default({
      greeting: "Hi, you've reached my voicemail. Please leave a message after the tone.",
      greetingSeconds: 8,
    }),
  conversation: conversationSchema.default(conversationSchema.parse({})),
  sms: smsSchema.default(smsSchema.parse({ on: 'ignore' })),
});

export type PersonaInput = z.input<typeof personaSchema>;
export type PersonaDefinition = z.output<typeof personaSchema>;
export type PersonaReply = z.output<typeof replySchema>;
export type PersonaRule = PersonaDefinition['conversation']['rules'][number];
export type PersonaConversation = PersonaDefinition['conversation'];
export type PersonaSms = PersonaDefinition['sms'];

export interface Persona extends PersonaDefinition {
  name: string;
}
