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
      summary: "The demo payment provider's webhook: a payment was taken (PAYMENT_PROVIDER=demo, `parley dev` and the tests only)",
      tags: ['webhooks', 'payments'],
      parameters: [
        {
          name: 'X-Parley-Signature',
          in: 'header',
          required: true,
          schema: { type: 'string', pattern: '^t=[0-9]+,v1=[0-9a-f]{64}$' },
          description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> with PAYMENT_WEBHOOK_SECRET; refused when t is more than 5 minutes from the server\'s clock',
        },
      ],
      requestBody: { required: true, content: jsonContent(ref('PaymentEvent')) },
      responses: {
        200: ok('Recorded (once per paymentId: a repeat within the tolerance records nothing new)', { type: 'object', properties: { received: { const: true } } }),
        403: failure('Missing or wrong signature, or a timestamp outside the 5-minute tolerance'),
      },
    },
  },
};
