import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AttemptSettlement, Repositories } from '../src/adapters/mongo/repositories';
import { SmsRejectedError, type SmsGateway } from '../src/adapters/twilio/twilio-sms';
import type { PaymentLinks } from '../src/payments/payment-links';

// Outbound contact. Each send is keyed by its attempt: the intent is written first under a unique
// key, the provider's SID after, and a retry looks the key up (and, if the previous try died
// between the two writes, asks the provider) before it ever sends again.

export interface ContactAttemptInput {
  attemptKey: string;
  workflowId: string;
  campaignId: string;
  campaignVersion: number;
  stepId: string;
  purpose: string;
  to: string;
}

export interface ContactDeps {
  repositories: Pick<Repositories, 'contactAttempts' | 'consent' | 'paymentLinks'>;
  sms: SmsGateway;
  paymentLinks: PaymentLinks;
  /** Base of the status callback URL Twilio reports delivery to. */
  publicBaseUrl: string;
}

/** Matches the workflow's marker; the link is minted here so no token enters workflow history. */
const paymentLinkMarker = '{{paymentLink}}';

export function createContactActivities(deps: ContactDeps) {
  const { contactAttempts, consent } = deps.repositories;
  const claimAttempt = (input: ContactAttemptInput) => contactAttempts.claim({ ...input, channel: 'sms' });
  const settle = (attemptKey: string, settlement: AttemptSettlement) => contactAttempts.settle(attemptKey, settlement);

  // The link is minted from the intent's time and stored under the attempt key, so a retry
  // composes the very same text and can recognise an earlier send of it.
  const withPaymentLink = async (input: ContactAttemptInput & { body: string }, issuedAt: Date) => {
    if (!input.body.includes(paymentLinkMarker)) return input.body;
    const nonce = await deps.repositories.paymentLinks.issue({ attemptKey: input.attemptKey, workflowId: input.workflowId, issuedAt });
    return input.body.replaceAll(paymentLinkMarker, deps.paymentLinks.linkFor({ workflowId: input.workflowId, nonce }, issuedAt.getTime()));
  };

  return {
    async sendSms(input: ContactAttemptInput & { body: string }): Promise<{ sid: string }> {
      const { attempt, fresh } = await claimAttempt(input);
      if (attempt.state === 'sent' && attempt.providerSid) return { sid: attempt.providerSid };
      if (attempt.state === 'failed') throw ApplicationFailure.nonRetryable(`SMS rejected earlier (${attempt.errorCode})`, 'SmsRejected');

      if ((await consent.ledger(input.to)).permissions.smsOptedOut) {
        await settle(input.attemptKey, { state: 'failed', errorCode: 'opted-out' });
        throw ApplicationFailure.nonRetryable('the number opted out of texts', 'ContactNotAllowed');
      }

      const body = await withPaymentLink(input, attempt.createdAt);
      if (!fresh) {
        // An earlier try wrote its intent and died: did Twilio take that message?
        const earlier = await deps.sms.findSent({ to: input.to, body, since: new Date(attempt.createdAt.getTime() - 60_000) });
        if (earlier) {
          await settle(input.attemptKey, { state: 'sent', providerSid: earlier.sid, providerStatus: earlier.status });
          return { sid: earlier.sid };
        }
      }
      const statusCallback = `${deps.publicBaseUrl}/webhooks/twilio/sms-status?${new URLSearchParams({
        workflowId: input.workflowId,
        attemptKey: input.attemptKey,
      })}`;
      try {
        Context.current().heartbeat();
        const sent = await deps.sms.send({ to: input.to, body, statusCallback });
        await settle(input.attemptKey, { state: 'sent', providerSid: sent.sid, providerStatus: sent.status });
        return { sid: sent.sid };
      } catch (err) {
        if (err instanceof SmsRejectedError) {
          await settle(input.attemptKey, { state: 'failed', errorCode: err.code });
          throw ApplicationFailure.nonRetryable(err.message, 'SmsRejected', { code: err.code });
        }
        throw err;
      }
    },
  };
}
