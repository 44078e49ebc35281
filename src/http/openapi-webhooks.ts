import { voiceWebhookPath, voiceWebhooks } from '../voice/voice-webhook-contract';
import { failure, formContent, jsonContent, ok, parameters, ref, requestSchema, text, type JsonSchema } from './openapi-json-schema';
import { inboundSmsForm, smsStatusForm, smsStatusQuery } from './routes/twilio-webhooks.routes';

// The webhooks Twilio and the payment provider call, generated from the schemas their routes parse
// with: the voice webhooks' contract (src/voice/voice-webhook-contract.ts) and the SMS routes' forms.

const twilioSignature = { name: 'X-Twilio-Signature', in: 'header', required: true, schema: text, description: "Twilio's HMAC-SHA1 of PUBLIC_BASE_URL + path and the form fields" };
const twiml = { description: 'TwiML', content: { 'text/xml': { schema: text } } };
const refused = failure('Missing or invalid X-Twilio-Signature');

/** Twilio's voice webhooks: each names the call workflow (`call`) and answers TwiML (status: 204). */
function voiceWebhookPaths(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(voiceWebhooks).map(([hook, spec]) => [
      voiceWebhookPath(hook as keyof typeof voiceWebhooks),
      {
        post: {
          summary: spec.summary,
          tags: ['webhooks'],
          parameters: [twilioSignature, ...parameters(spec.query, 'query')],
          requestBody: { required: true, content: formContent(requestSchema(spec.form)) },
          responses: 'noContent' in spec ? { 204: { description: 'Received' }, 403: refused } : { 200: twiml, 403: refused },
        },
      },
    ]),
  );
}

export const webhookPaths: Record<string, JsonSchema> = {
  '/webhooks/twilio/sms': {
    post: {
      summary: 'Twilio: an inbound text (STOP, HELP, PAY or free text)',
      tags: ['webhooks'],
      parameters: [twilioSignature],
      requestBody: { required: true, content: formContent(requestSchema(inboundSmsForm)) },
      responses: { 200: twiml, 403: refused },
    },
  },
  '/webhooks/twilio/sms-status': {
    post: {
      summary: "Twilio: a text's delivery status",
      tags: ['webhooks'],
      parameters: [twilioSignature, ...parameters(smsStatusQuery, 'query')],
      requestBody: { required: true, content: formContent(requestSchema(smsStatusForm)) },
      responses: { 200: twiml, 403: refused },
    },
  },
  ...voiceWebhookPaths(),
  '/webhooks/payments/demo': {
    post: {
      summary: "The demo payment provider's webhook: a payment was taken",
      tags: ['webhooks', 'payments'],
      parameters: [{ name: 'X-Parley-Signature', in: 'header', required: true, schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' }, description: 'sha256=<hex HMAC-SHA256 of the raw body>' }],
      requestBody: { required: true, content: jsonContent(ref('PaymentEvent')) },
      responses: { 200: ok('Recorded (once per paymentId)', { type: 'object', properties: { received: { const: true } } }), 403: failure('Missing or wrong signature') },
    },
  },
};
