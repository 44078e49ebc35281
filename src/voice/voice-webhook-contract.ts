import { z } from 'zod';

/**
 * Twilio's voice webhooks for outbound calls, written once: where each one is, what its query
 * carries (the URLs the service gives Twilio) and the form fields Twilio posts. The routes parse
 * with these schemas, the call workflow and its activities build their URLs from them, and the
 * OpenAPI document is generated from them. The URLs are built by voice-webhook-urls.ts, which
 * the workflows import without these schemas.
 */

const callQuery = z.object({ call: z.string().min(1).describe('The call workflow the webhook advances') });
const lang = z.string().optional().describe("The call's language, for what is said without asking the workflow");
const turnQuery = callQuery.extend({
  turn: z.coerce.number().int().min(1).describe('The turn the caller answered'),
  lang,
  stage: z.string().optional().describe("The dialog state the call asked the turn in, for the console's Live page without asking the workflow"),
});

// Twilio posts many more fields (AccountSid, From, To, ...); these are the ones the service reads.
const callForm = z.object({
  CallSid: z.string().min(1),
  AnsweredBy: z.string().optional().describe('Answering machine detection: human, machine_start, machine_end_beep, fax, unknown'),
});
const digits = z.string().optional().describe('Keys pressed');

export const voiceWebhooks = {
  answer: {
    summary: 'Twilio: the call was answered (by a person or a machine)',
    query: callQuery,
    form: callForm,
  },
  gather: {
    summary: "Twilio: what the caller said or pressed in a turn's <Gather>",
    query: turnQuery,
    form: callForm.extend({ SpeechResult: z.string().optional(), Confidence: z.string().optional().describe('0 to 1'), Digits: digits }),
  },
  record: {
    summary: "Twilio (SPEECH_ENGINE=local|openai): a turn's <Record>ed answer, or nothing recorded",
    query: turnQuery,
    form: callForm.extend({ RecordingUrl: z.url().optional(), Digits: digits }),
  },
  pending: {
    summary: 'Twilio (after a holding prompt): picks up a turn that was not ready in time',
    query: callQuery.extend({ update: z.string().min(1).describe("The turn's Update id"), lang }),
    form: callForm,
  },
  transfer: {
    summary: 'Twilio: a <Dial> or <Enqueue> to an agent ended',
    query: callQuery,
    form: callForm.extend({
      DialCallStatus: z.string().optional(),
      QueueResult: z.string().optional().describe('bridged when an agent took the call'),
      QueueTime: z.coerce.number().int().min(0).optional().describe('<Enqueue>: seconds the caller waited in the queue'),
    }),
  },
  'queue-wait': {
    summary: "Twilio (<Enqueue waitUrl>): what the queued caller hears, requested again each time it ends; <Leave/> after a while",
    query: callQuery.extend({ lang }),
    form: callForm.extend({
      QueueTime: z.coerce.number().int().min(0).describe('Seconds in the queue so far'),
      QueueSid: z.string().optional(),
      CurrentQueueSize: z.string().optional(),
      AvgQueueTime: z.string().optional(),
    }),
  },
  whisper: {
    summary: 'Twilio: what the agent hears before being connected',
    query: callQuery,
    form: callForm,
  },
  status: {
    summary: "Twilio: the call's progress and final status (completes the placeCall activity)",
    query: callQuery,
    form: callForm.extend({ CallStatus: z.string().min(1), CallDuration: z.string().optional().describe('Seconds, in the final status') }),
    /** Twilio reads no TwiML from a status callback. */
    noContent: true,
  },
} as const;

export type VoiceWebhook = keyof typeof voiceWebhooks;
export type VoiceWebhookQuery<H extends VoiceWebhook> = z.output<(typeof voiceWebhooks)[H]['query']>;
export type VoiceWebhookForm<H extends VoiceWebhook> = z.output<(typeof voiceWebhooks)[H]['form']>;

export { voiceWebhookPath, voiceWebhookUrl } from './voice-webhook-urls';
