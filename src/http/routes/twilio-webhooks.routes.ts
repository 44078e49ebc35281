import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { twilioSignatureGuard } from '../twilio-signature-guard';
import { messagingResponse } from '../twiml';
import { handleInboundSms } from '../../use-cases/inbound-sms';
import { GatewayError } from '../../temporal/gateway-error';
import { redactSensitive } from '../../policy/redaction';
import { formPhone } from '../request-input';

// Twilio posts many more fields (AccountSid, To, ...); these are the ones the service reads. The
// OpenAPI document is generated from these schemas (src/http/openapi-webhooks.ts).
export const inboundSmsForm = z.object({ MessageSid: z.string().min(1), From: z.string().min(1), Body: z.string().default('') });
export const smsStatusForm = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1).describe('queued, sending, sent, delivered, undelivered or failed'),
  ErrorCode: z.string().optional(),
});
export const smsStatusQuery = z.object({
  workflowId: z.string().min(1).describe('The debtor workflow that sent the text'),
  attemptKey: z.string().min(1).describe('The contact attempt the text belongs to'),
});
/** Only these end a text's delivery wait; earlier ones (queued, sent) would wake the workflow for nothing. */
const finalStatuses = new Set(['delivered', 'undelivered', 'failed']);

/** Twilio's messaging webhooks: inbound texts and delivery reports. Both verify X-Twilio-Signature. */
export async function twilioWebhookRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const guard = twilioSignatureGuard({ authToken: deps.config.twilio.authToken, publicBaseUrl: deps.config.http.publicBaseUrl });

  app.post('/webhooks/twilio/sms', { preHandler: guard }, async (request, reply) => {
    const form = inboundSmsForm.parse(request.body);
    deps.metrics.textsReceived.inc();
    deps.live.publish({ kind: 'text', direction: 'received', person: form.From, status: 'received', body: redactSensitive(form.Body) });
    const { reply: text } = await handleInboundSms({ repositories: deps.mongo.repositories, gateway: deps.gateway, logger: deps.logger }, { messageSid: form.MessageSid, from: form.From, body: form.Body });
    return reply.type('text/xml').send(messagingResponse(text));
  });

  app.post('/webhooks/twilio/sms-status', { preHandler: guard }, async (request, reply) => {
    const form = smsStatusForm.parse(request.body);
    const query = smsStatusQuery.parse(request.query);
    await deps.mongo.repositories.contactAttempts.recordSmsStatus({ attemptKey: query.attemptKey, messageSid: form.MessageSid, status: form.MessageStatus, errorCode: form.ErrorCode });
    if (finalStatuses.has(form.MessageStatus)) {
      deps.metrics.textDeliveries.inc({ status: form.MessageStatus });
      deps.live.publish({ kind: 'text', direction: 'sent', person: formPhone(request, 'To') ?? '', status: form.MessageStatus });
      try {
        await deps.gateway.smsDeliveryStatus(query.workflowId, {
          attemptKey: query.attemptKey,
          status: form.MessageStatus as 'delivered' | 'undelivered' | 'failed',
          errorCode: form.ErrorCode,
        });
      } catch (err) {
        // A report for an account that has closed since changes nothing.
        if (!(err instanceof GatewayError)) throw err;
      }
    }
    return reply.type('text/xml').send(messagingResponse());
  });
}
