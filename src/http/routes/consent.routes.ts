import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { parseRequest } from '../request-input';
import { actorOf } from '../access/auth-guard';
import { consentLedger, recordOperatorConsent } from '../../use-cases/consent-ledger';

export const consentParams = z.strictObject({
  phone: z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be a phone number in E.164 form, like +12125550100'),
});

export const consentEntryBody = z.strictObject({
  kind: z.enum(['opt-out', 'opt-in', 'artificial-voice-consent', 'artificial-voice-revoked']),
  channel: z.enum(['sms', 'voice', 'all']),
  source: z.string().trim().min(1, 'say who recorded it and why').max(200),
  evidenceRef: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Where the consumer's own consent is kept (a signed form's id, a recorded call's SID). Required for an opt-in or artificial-voice consent that the number had withdrawn: without it the entry is refused with 409"),
  entryId: z.string().trim().min(1).max(100).optional(),
});

/** The consent and opt-out ledger of a phone number, across campaigns and channels. */
export async function consentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/contacts/:phone/consent', async (request) => consentLedger(deps, parseRequest(consentParams, request.params).phone));

  app.post('/contacts/:phone/consent', async (request, reply) => {
    const { phone } = parseRequest(consentParams, request.params);
    const entry = parseRequest(consentEntryBody, request.body);
    const result = await recordOperatorConsent(deps, { phone, ...entry, actor: actorOf(request) });
    return reply.code(result.recorded ? 201 : 200).send(result);
  });
}
