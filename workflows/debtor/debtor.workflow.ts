import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  workflowInfo,
  ActivityFailure,
  ApplicationFailure,
} from '@temporalio/workflow';
import type { Campaign, CadenceStep } from '../../src/campaigns/campaign-schema';
import type { ContactPermissions } from '../../src/policy/consent-ledger';
import { durationMillis } from '../../src/campaigns/campaign-schema';
import { renderTemplate } from '../../src/campaigns/templates';
import { nextCadenceStep, stepIndexInVersion } from '../../src/policy/cadence';
import { nextAllowedMoment } from '../../src/policy/contact-window';
import { retryDelay } from '../../src/policy/retry-backoff';
import { chooseStrategy } from '../../src/policy/segments';
import { endOfLocalDay, planProblems, promiseProblems } from '../../src/policy/arrangements';
import {
  agreePlanUpdate,
  campaignUpdatedSignal,
  ceaseCommunicationUpdate,
  closeUpdate,
  debtorStateQuery,
  disputeUpdate,
  inboundSmsSignal,
  pauseUpdate,
  paymentReceivedSignal,
  payLinkRequestedSignal,
  recordPromiseUpdate,
  resolveHumanTaskUpdate,
  resumeUpdate,
  smsDeliveryStatusSignal,
  terminalOutcomes,
  type AttemptOutcome,
  type DebtorState,
  type DebtorView,
  type DebtorWorkflowInput,
  type PlanRequest,
  type PromiseToPay,
  type SmsDeliveryStatus,
  type TerminalOutcome,
} from './debtor.messages';
import { records, smsSender } from './debtor-activities';
import { applyCallOutcome, callDebtor, callWorkflowIdFor, voiceCallPatch } from './call-step';
import { paymentDuringCallSignal } from '../call/call.messages';

/** Artificial-voice consent is read from the consent ledger (operator entries), not only the import. */
const consentLedgerPatch = 'consent-ledger-decides-artificial-voice';
/** Pauses remember who made them (operator, campaign), so a campaign resume leaves an operator's pause. */
const pauseSourcesPatch = 'pause-sources';
/** A payment made while a call is live is passed on to the call, which thanks the caller for it. */
const paymentReachesCallPatch = 'payment-reaches-live-call';
/** A reminder is dropped when the account is paused while it waits for the contact window, or its campaign is paused. */
const reminderHonoursPausePatch = 'reminder-honours-pause';
/** A contact is held while the campaign's flag says paused, before its broadcast reaches the account. */
const campaignPauseGatePatch = 'campaign-pause-gate';
/**
 * A held contact looks at the campaign's flag again after 10 minutes, then less and less often (at
 * most every 6 hours): the broadcast's pause usually arrives first and stops the looking.
 */
const campaignPauseRecheck = { firstMs: 10 * 60_000, maxMs: 6 * 3_600_000 };
/** Placeholder the SMS activity replaces with a freshly signed link, so no link token enters history. */
export const paymentLinkMarker = '{{paymentLink}}';
const defaultContinueAsNewAfterEvents = 4000;
const smsDeliveryWait = '15 minutes';
const humanTaskReminderEvery = '24 hours';
const promiseGraceDays = 1;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * One debtor's account in one campaign, worked until it is paid, settled, disputed, ceased,
 * exhausted or closed: contact by the cadence inside the law's windows and caps; react at any
 * moment to payments, replies, promises, plans, disputes and operators.
 */
export async function debtorWorkflow(input: DebtorWorkflowInput): Promise<DebtorView> {
  const { debtor, campaignId } = input;
  const workflowId = workflowInfo().workflowId;
  // Handlers are registered before the campaign loads, so the state can be queried and events are
  // taken from the first moment; validators that need the campaign refuse until it is there.
  let campaign!: Campaign;
  let campaignLoaded = false;
  const state: DebtorState = input.carried ?? initialState(input);
  let pendingCampaignVersion = state.campaignVersion;
  /** The call on the line now, if any: payments reach it, and it may ask for the payment link. */
  let liveCall: { workflowId: string; attemptKey: string; step: CadenceStep } | undefined;
  /** Contacts held in a row by a paused campaign, which spaces out the looking again. */
  let campaignHolds = 0;
  /** Bumped by every event, so a sleeping workflow wakes to reconsider. */
  let changes = 0;
  /**
   * The events the current pass of the main loop has taken into account. A wait ends at once if
   * anything happened since, even between the decision and the start of the wait.
   */
  let considered = 0;
  const pendingDeliveries = new Map<string, SmsDeliveryStatus>();
  const pendingReplies: Array<{ messageSid: string; kind: string; body: string }> = [];
  const auditsInFlight: Array<Promise<void>> = [];
  /** The status mirror last written, so an unchanged one is not written again. */
  let lastSnapshot = '';

  // ---- What the workflow shows and accepts -------------------------------------------------

  const view = (): DebtorView => {
    const { paymentIds: _p, auditSeq: _a, ...rest } = state;
    return { ...rest, workflowId, campaignId, accountRef: debtor.accountRef, currency: debtor.currency };
  };
  const isClosed = () => state.outcome !== undefined;
  const touched = () => {
    changes++;
  };
  const refuseWhenClosedOr = (check: () => void) => {
    refuseWhenClosed();
    check();
  };
  const requireCampaign = () => {
    if (!campaignLoaded) throw new Error('the account is still starting; try again in a moment');
  };
  const refuseWhenClosed = () => {
    if (isClosed()) throw new Error(`the account is closed (${state.outcome}); nothing more can be recorded on it`);
  };

  setHandler(debtorStateQuery, view);

  setHandler(paymentReceivedSignal, (payment) => {
    if (state.paymentIds.includes(payment.paymentId) || payment.amountMinor <= 0) return;
    state.paymentIds.push(payment.paymentId);
    state.paidMinor += payment.amountMinor;
    state.balanceMinor = Math.max(0, state.balanceMinor - payment.amountMinor);
    audit('payment-received', { paymentId: payment.paymentId, amountMinor: payment.amountMinor, balanceMinor: state.balanceMinor });
    if (state.balanceMinor === 0 && !isClosed()) close(state.plan ? 'settled-by-plan' : 'paid');
    if (liveCall && patched(paymentReachesCallPatch)) {
      // The call may have ended meanwhile; the payment is recorded here either way.
      getExternalWorkflowHandle(liveCall.workflowId)
        .signal(paymentDuringCallSignal, { paymentId: payment.paymentId, amountMinor: payment.amountMinor })
        .catch(() => undefined);
    }
    touched();
  });

  setHandler(payLinkRequestedSignal, async ({ callAttemptKey }) => {
    const call = liveCall;
    if (!call || call.attemptKey !== callAttemptKey || isClosed() || state.optedOut.sms) return;
    await sendSms(`${callAttemptKey}/pay-link`, 'pay-request', smsTemplateFor(call.step), 'payment-link-requested');
  });

  setHandler(inboundSmsSignal, (sms) => {
    if (sms.kind === 'opt-out') state.optedOut.sms = true;
    pendingReplies.push(sms);
    touched();
  });

  setHandler(smsDeliveryStatusSignal, (status) => {
    pendingDeliveries.set(status.attemptKey, status);
    touched();
  });

  setHandler(campaignUpdatedSignal, ({ version }) => {
    pendingCampaignVersion = Math.max(pendingCampaignVersion, version);
    touched();
  });

  setHandler(
    recordPromiseUpdate,
    (promise) => {
      setPromise(promise);
      audit('promise-recorded', { ...promise });
      touched();
      return view();
    },
    { validator: (promise) => validatePromise(promise) },
  );

  setHandler(
    agreePlanUpdate,
    (plan) => {
      setPlan(plan);
      audit('plan-agreed', { instalments: plan.instalments });
      touched();
      return view();
    },
    { validator: (plan) => validatePlan(plan) },
  );

  setHandler(
    disputeUpdate,
    async ({ reason }) => {
      await stopAllContact('disputed', reason);
      return view();
    },
    { validator: ({ reason }) => refuseWhenClosedOr(() => requireText('reason', reason)) },
  );

  setHandler(
    ceaseCommunicationUpdate,
    async ({ source }) => {
      await stopAllContact('ceased', source);
      return view();
    },
    { validator: ({ source }) => refuseWhenClosedOr(() => requireText('source', source)) },
  );

  setHandler(
    pauseUpdate,
    ({ reason, by = 'operator' }) => {
      state.paused = true;
      if (patched(pauseSourcesPatch)) state.pausedBy = [...new Set([...(state.pausedBy ?? []), by])];
      audit('paused', { reason, by });
      touched();
      return view();
    },
    { validator: ({ reason }) => refuseWhenClosedOr(() => requireText('reason', reason)) },
  );

  setHandler(
    resumeUpdate,
    ({ by = 'operator' } = {}) => {
      state.pausedBy = state.pausedBy?.filter((source) => source !== by);
      state.paused = state.pausedBy !== undefined && state.pausedBy.length > 0;
      audit('resumed', { by, ...(state.paused ? { stillPausedBy: state.pausedBy } : {}) });
      touched();
      return view();
    },
    {
      validator: ({ by = 'operator' } = {}) => {
        refuseWhenClosed();
        if (!state.paused) throw new Error('the account is not paused');
        if (state.pausedBy && !state.pausedBy.includes(by)) throw new Error(`the account was paused by its ${state.pausedBy.join(' and ')}, not by the ${by}`);
      },
    },
  );

  setHandler(
    closeUpdate,
    async ({ reason }) => {
      audit('closed-by-operator', { reason });
      close('closed');
      return view();
    },
    { validator: ({ reason }) => refuseWhenClosedOr(() => requireText('reason', reason)) },
  );

  setHandler(
    resolveHumanTaskUpdate,
    async (resolution) => {
      await records.closeHumanTask({ taskId: resolution.taskId, resolution });
      audit('human-task-resolved', { taskId: resolution.taskId, outcome: resolution.outcome, notes: resolution.notes });
      state.humanTask = undefined;
      if (resolution.outcome === 'promise' && resolution.promise) setPromise(resolution.promise);
      if (resolution.outcome === 'plan' && resolution.plan) setPlan(resolution.plan);
      if (resolution.outcome === 'close') close('closed');
      if (resolution.outcome === 'resume-contact' && nextCadenceStep(campaign, position()).kind === 'exhausted') startNewCycle();
      touched();
      return view();
    },
    {
      validator: (resolution) => {
        refuseWhenClosed();
        if (!state.humanTask || state.humanTask.taskId !== resolution.taskId) {
          throw new Error(`no open human task ${resolution.taskId} on this account`);
        }
        if (resolution.outcome === 'promise') {
          if (!resolution.promise) throw new Error('promise: required when the outcome is promise');
          validatePromise(resolution.promise);
        }
        if (resolution.outcome === 'plan') {
          if (!resolution.plan) throw new Error('plan: required when the outcome is plan');
          validatePlan(resolution.plan);
        }
      },
    },
  );

  // ---- The process ---------------------------------------------------------------------------

  campaign = await records.loadCampaignVersion({ campaignId, version: state.campaignVersion });
  campaignLoaded = true;
  if (!input.carried) {
    const chosen = chooseStrategy(campaign, segmentProfile(debtor));
    state.strategy = chosen.strategy;
    state.segmentId = chosen.segmentId ?? undefined;
    audit('started', { strategy: state.strategy, segmentId: state.segmentId, balanceMinor: state.balanceMinor });
    if (state.strategy === 'human-first') await openHumanTask('human-first', `Segment ${state.segmentId ?? 'default'}: a person works this account first.`);
  }

  while (!isClosed()) {
    considered = changes;
    await adoptNewCampaignVersion();
    await answerReplies();
    await flushAudits();
    await saveSnapshot();
    if (isClosed()) break;
    if (shouldContinueAsNew()) {
      await condition(allHandlersFinished);
      await flushAudits();
      return continueAsNew<typeof debtorWorkflow>({ ...input, campaignVersion: state.campaignVersion, carried: state });
    }

    if (state.paused) {
      setStatus('paused');
      await waitForChange();
    } else if (state.humanTask) {
      await waitForAgent();
    } else if (state.plan) {
      await followUpPlan();
    } else if (state.promise) {
      await followUpPromise();
    } else {
      await workCadence();
    }
  }

  await condition(allHandlersFinished);
  await flushAudits();
  await saveSnapshot();
  return view();

  // ---- Cadence -------------------------------------------------------------------------------

  async function workCadence(): Promise<void> {
    setStatus('contacting');
    const next = nextCadenceStep(campaign, position());
    if (next.kind === 'exhausted') return whenExhausted(next.why);

    const channel = effectiveChannel(next.step);
    const notBefore = Math.max(next.notBefore, Date.now());
    const allowed = nextAllowedMoment({
      now: notBefore,
      timeZone: debtor.timeZone,
      channel: channel === 'skip' ? next.step.channel : channel,
      contactWindow: campaign.contactWindow,
      frequencyCaps: campaign.frequencyCaps,
      history: { callAttempts: state.callAttempts, conversations: state.conversations },
    });
    state.nextContact = {
      at: allowed.at,
      reason: allowed.at > next.notBefore ? `${next.why}; deferred: ${allowed.reason}` : next.why,
      stepId: next.step.id,
      channel: next.step.channel,
    };
    await saveSnapshot();
    if (await sleepUntil(allowed.at)) return; // something happened: reconsider from the top

    // The ledger is shared by every campaign: an opt-out given elsewhere holds here too.
    const permissions = channel === 'skip' ? undefined : await records.contactPermissions({ phone: debtor.phone, campaignId });
    if (permissions?.campaignPaused && patched(campaignPauseGatePatch)) return holdWhileCampaignPaused(next.step);
    campaignHolds = 0;
    state.nextContact = undefined;
    state.stepIndex = next.index;
    const attemptKey = `${workflowId}/c${state.cycle}/${next.step.id}/r${state.stepRetries}`;
    if (channel === 'skip') {
      recordAttempt(attemptKey, next.step.id, next.step.channel, `cadence:${next.step.id}`, 'skipped-opted-out');
      return afterAttempt(next.step, 'skipped-opted-out');
    }
    afterAttempt(next.step, await contact(next.step, channel, attemptKey, permissions!));
  }

  /**
   * The campaign was paused and its broadcast has not reached this account yet: nobody is
   * contacted and the step stays due. Looked at again later, the contact window is worked out anew.
   */
  async function holdWhileCampaignPaused(step: CadenceStep): Promise<void> {
    const recheckMs = Math.min(campaignPauseRecheck.firstMs * 2 ** campaignHolds++, campaignPauseRecheck.maxMs);
    state.nextContact = { at: Date.now() + recheckMs, reason: 'held: the campaign is paused', stepId: step.id, channel: step.channel };
    await saveSnapshot();
    await sleepUntil(state.nextContact.at);
  }

  /** The channel a step is carried out on, given opt-outs and artificial-voice consent. */
  function effectiveChannel(step: CadenceStep): 'sms' | 'voice' | 'skip' {
    if (state.optedOut[step.channel]) return 'skip';
    if (step.channel === 'sms' || patched(consentLedgerPatch)) return step.channel;
    // Before the consent ledger decided (see contact()), only the imported consent did.
    if (!campaign.consent.requireConsentForArtificialVoice || debtor.artificialVoiceConsent) return 'voice';
    if (campaign.consent.fallbackWhenNoConsent === 'sms') return state.optedOut.sms ? 'skip' : 'sms';
    return 'skip';
  }

  async function contact(step: CadenceStep, channel: 'sms' | 'voice', attemptKey: string, permissions: ContactPermissions): Promise<AttemptOutcome> {
    if ((channel === 'sms' && permissions.smsOptedOut) || (channel === 'voice' && permissions.voiceOptedOut)) {
      state.optedOut[channel] = true;
      recordAttempt(attemptKey, step.id, channel, `cadence:${step.id}`, 'skipped-opted-out');
      return 'skipped-opted-out';
    }
    // The ledger's latest word on artificial-voice consent wins over the one given with the import.
    const consented = permissions.artificialVoiceConsent ?? debtor.artificialVoiceConsent;
    if (channel === 'voice' && patched(consentLedgerPatch) && campaign.consent.requireConsentForArtificialVoice && !consented) {
      // FCC 24-17: no artificial-voice call without prior express consent; fall back as configured.
      if (campaign.consent.fallbackWhenNoConsent === 'human-call') {
        await openHumanTask('human-call', `No consent to artificial-voice calls: a person should make call step ${step.id}.`);
        recordAttempt(attemptKey, step.id, 'voice', `cadence:${step.id}`, 'handed-to-agent');
        return 'handed-to-agent';
      }
      if (state.optedOut.sms || permissions.smsOptedOut) {
        recordAttempt(attemptKey, step.id, 'voice', `cadence:${step.id}`, 'skipped-opted-out');
        return 'skipped-opted-out';
      }
      audit('voice-fell-back-to-sms', { stepId: step.id, reason: 'no prior express consent to artificial-voice calls' });
      return sendSms(attemptKey, step.id, smsTemplateFor(step), `cadence:${step.id}`);
    }
    if (channel === 'voice') {
      liveCall = { workflowId: callWorkflowIdFor(workflowId, attemptKey), attemptKey, step };
      const call = await callDebtor({
        attemptKey,
        workflowId,
        campaignId,
        campaignVersion: state.campaignVersion,
        stepId: step.id,
        script: step.channel === 'voice' ? step.script : step.template,
        debtor,
        voiceQueue: input.queues.voice,
        strategy: state.strategy,
        balanceMinor: state.balanceMinor,
        initialCommunication: !state.attempts.some((a) => a.outcome !== 'skipped-opted-out'),
      }).finally(() => (liveCall = undefined));
      state.callAttempts.push(Date.now());
      if (call.conversation) state.conversations.push(Date.now());
      recordAttempt(attemptKey, step.id, 'voice', `call:${step.id}`, call.outcome, call.providerSid);
      if (patched(voiceCallPatch)) {
        await applyCallOutcome(call, {
          isClosed,
          hasHumanTask: () => state.humanTask !== undefined,
          smsOptedOut: () => state.optedOut.sms,
          promiseProblems: (p) => problemTexts(promiseProblems(campaign, { ...p, balanceMinor: state.balanceMinor, now: Date.now(), timeZone: debtor.timeZone })),
          planProblems: (p) => problemTexts(planProblems(campaign, { instalments: p.instalments, balanceMinor: state.balanceMinor, now: Date.now(), timeZone: debtor.timeZone })),
          setPromise,
          setPlan,
          stopAllContact,
          optOutOfVoice: async () => {
            state.optedOut.voice = true;
            await records.recordVoiceOptOut({ eventKey: `${attemptKey}/opt-out`, phone: debtor.phone, source: `call:${attemptKey}` });
          },
          openHumanTask,
          adoptHumanTask,
          dismissHumanTask: (taskId, why) => records.closeHumanTask({ taskId, resolution: { outcome: 'superseded', notes: why } }),
          sendPaymentLink: () => sendSms(`${attemptKey}/pay-link`, 'pay-request', smsTemplateFor(step), 'payment-link-requested'),
          audit,
        });
      }
      return call.outcome;
    }
    if (step.channel === 'voice' && !patched(consentLedgerPatch) && campaign.consent.fallbackWhenNoConsent === 'sms') {
      audit('voice-fell-back-to-sms', { stepId: step.id, reason: 'no prior express consent to artificial-voice calls' });
    }
    return sendSms(attemptKey, step.id, smsTemplateFor(step), `cadence:${step.id}`);
  }

  function afterAttempt(step: CadenceStep, outcome: AttemptOutcome): void {
    const failed = outcome === 'no-answer' || outcome === 'busy' || outcome === 'failed' || outcome === 'undelivered';
    if (failed) {
      const delay = retryDelay(step.retry, state.stepRetries + 1);
      if (delay !== null) {
        state.stepRetries++;
        state.retryAt = Date.now() + delay;
        return;
      }
    }
    state.stepIndex++;
    state.stepRetries = 0;
    state.retryAt = undefined;
    state.lastStepDoneAt = Date.now();
  }

  async function whenExhausted(why: string): Promise<void> {
    audit('cadence-exhausted', { why, cycle: state.cycle });
    const policy = campaign.cadence.onExhausted;
    if (policy === 'close') return close('exhausted');
    if (policy === 'human-queue') return openHumanTask('cadence-exhausted', `Cadence exhausted (${why}); balance ${state.balanceMinor}.`);
    setStatus('cooling-down');
    if (await sleepUntil(Date.now() + durationMillis(policy.restartAfter))) return;
    startNewCycle();
  }

  function startNewCycle(): void {
    state.cycle++;
    state.cycleStartedAt = Date.now();
    state.stepIndex = 0;
    state.stepRetries = 0;
    state.retryAt = undefined;
    state.lastStepDoneAt = undefined;
  }

  // ---- SMS -----------------------------------------------------------------------------------

  /** Sends one SMS under its attempt key and waits (briefly) for Twilio's delivery report. */
  async function sendSms(attemptKey: string, stepId: string, templateId: string, purpose: string): Promise<AttemptOutcome> {
    const body = renderTemplate(campaign, templateId, debtor.language, {
      name: debtor.firstName,
      amountDue: state.balanceMinor,
      dueDate: debtor.dueDate,
      paymentLink: paymentLinkMarker,
      communication: state.attempts.some((a) => a.outcome !== 'skipped-opted-out') ? 'subsequent' : 'initial',
    });
    let sent: { sid: string };
    try {
      sent = await smsSender(input.queues.sms).sendSms({
        attemptKey,
        workflowId,
        campaignId,
        campaignVersion: state.campaignVersion,
        stepId,
        purpose,
        to: debtor.phone,
        body,
      });
    } catch (err) {
      const type = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.type : undefined;
      if (type === 'ContactNotAllowed') {
        state.optedOut.sms = true;
        recordAttempt(attemptKey, stepId, 'sms', purpose, 'skipped-opted-out');
        return 'skipped-opted-out';
      }
      if (type !== 'SmsRejected') throw err;
      recordAttempt(attemptKey, stepId, 'sms', purpose, 'failed');
      return 'failed';
    }
    await condition(() => isFinal(pendingDeliveries.get(attemptKey)), smsDeliveryWait);
    const delivery = pendingDeliveries.get(attemptKey);
    pendingDeliveries.clear(); // late reports of earlier attempts no longer matter
    const outcome: AttemptOutcome =
      delivery?.status === 'delivered' ? 'delivered' : delivery?.status === 'undelivered' || delivery?.status === 'failed' ? 'undelivered' : 'sent';
    recordAttempt(attemptKey, stepId, 'sms', purpose, outcome, sent.sid);
    return outcome;
  }

  /** A voice step that falls back to SMS uses the nearest SMS template before it in the cadence. */
  /**
   * The SMS template for a step: the step's own, in the variant for the debtor's strategy when the
   * campaign has one (`reminder-consequences-and-plan` beside `reminder`). A voice step falling
   * back to SMS uses the nearest SMS template before it in the cadence.
   */
  function smsTemplateFor(step: CadenceStep): string {
    const base = step.channel === 'sms' ? step.template : nearestSmsTemplate(step);
    return campaign.templates[`${base}-${state.strategy}`] ? `${base}-${state.strategy}` : base;
  }

  function nearestSmsTemplate(step: CadenceStep): string {
    const steps = campaign.cadence.steps;
    const index = steps.findIndex((s) => s.id === step.id);
    const before = steps.slice(0, index).reverse().concat(steps.slice(index + 1));
    const sms = before.find((s) => s.channel === 'sms');
    if (!sms || sms.channel !== 'sms') throw ApplicationFailure.nonRetryable('the campaign has no SMS template to fall back to', 'CampaignInvalid');
    return sms.template;
  }

  /** Inbound texts: a PAY request gets the link at once (the person asked); free text may go to a person. */
  async function answerReplies(): Promise<void> {
    while (pendingReplies.length > 0) {
      const reply = pendingReplies.shift()!;
      audit(`sms-${reply.kind}`, { messageSid: reply.messageSid });
      if (isClosed()) continue;
      if (reply.kind === 'pay' && !state.optedOut.sms) {
        const template = smsTemplateFor(campaign.cadence.steps.find((s) => s.channel === 'sms') ?? campaign.cadence.steps[0]);
        await sendSms(`${workflowId}/reply/${reply.messageSid}`, 'pay-request', template, 'payment-link-requested');
      }
      if (reply.kind === 'free-text' && mentionsEscalationKeyword(reply.body) && !state.humanTask) {
        await openHumanTask('sms-reply', 'The debtor replied by text with words that need a person.');
      }
    }
  }

  function mentionsEscalationKeyword(text: string): boolean {
    const lower = text.toLowerCase();
    return Object.values(campaign.escalation.keywords).some((words) => words.some((w) => lower.includes(w.toLowerCase())));
  }

  // ---- Promises and plans ----------------------------------------------------------------------

  async function followUpPromise(): Promise<void> {
    const promise = state.promise!;
    setStatus('awaiting-promise');
    state.nextContact = undefined;
    const kept = () => state.paidMinor - promise.paidAtPromise >= promise.amountMinor;
    const deadline = endOfLocalDay(promise.dueDate, debtor.timeZone) + promiseGraceDays * dayMs;
    // Woken by another event (not the payment), the loop comes back here to wait on.
    if ((await sleepUntil(deadline, kept)) && !kept()) return;
    if (state.promise !== promise) return;
    if (kept()) return promiseKept();
    state.brokenPromises++;
    state.promise = undefined;
    audit('promise-broken', { dueDate: promise.dueDate, amountMinor: promise.amountMinor, brokenPromises: state.brokenPromises });
    await remind('promise-broken');
  }

  async function promiseKept(): Promise<void> {
    audit('promise-kept', { dueDate: state.promise!.dueDate });
    state.promise = undefined;
  }

  async function followUpPlan(): Promise<void> {
    const plan = state.plan!;
    setStatus('on-plan');
    const next = plan.instalments.findIndex((i) => i.status === 'due');
    if (next < 0) return close('settled-by-plan');
    const instalment = plan.instalments[next];
    const owedByThen = plan.instalments.slice(0, next + 1).reduce((sum, i) => sum + i.amountMinor, 0);
    const paidEnough = () => state.paidMinor - plan.paidAtPlan >= owedByThen;
    state.nextContact = undefined;
    await sleepUntil(endOfLocalDay(instalment.dueDate, debtor.timeZone) + promiseGraceDays * dayMs, paidEnough);
    if (isClosed() || state.plan !== plan) return;
    if (paidEnough()) {
      instalment.status = 'paid';
      audit('instalment-paid', { dueDate: instalment.dueDate });
      return;
    }
    if (Date.now() < endOfLocalDay(instalment.dueDate, debtor.timeZone) + promiseGraceDays * dayMs) return;
    instalment.status = 'missed';
    state.brokenPromises++;
    audit('instalment-missed', { dueDate: instalment.dueDate, brokenPromises: state.brokenPromises });
    if (plan.instalments.filter((i) => i.status === 'missed').length >= 2) {
      state.plan = undefined;
      audit('plan-broken', {});
    }
    await remind('instalment-missed');
  }

  /** One reminder text after a broken promise or a missed instalment, if texts are allowed. */
  async function remind(purpose: string): Promise<void> {
    if (state.optedOut.sms) return;
    const balanceBefore = state.balanceMinor;
    const permitted = nextAllowedMoment({
      now: Date.now(),
      timeZone: debtor.timeZone,
      channel: 'sms',
      contactWindow: campaign.contactWindow,
      frequencyCaps: campaign.frequencyCaps,
      history: { callAttempts: state.callAttempts, conversations: state.conversations },
    });
    // A payment, a pause or the end of the account makes the reminder moot; other events do not.
    const honoursPause = patched(reminderHonoursPausePatch);
    const moot = () => isClosed() || state.balanceMinor < balanceBefore || (honoursPause && state.paused);
    const wait = permitted.at - Date.now();
    if (wait > 0 ? await condition(moot, wait) : honoursPause && moot()) {
      // Sent after the pause is lifted, days later, it would no longer say anything true.
      if (honoursPause && state.paused && !isClosed()) audit('reminder-dropped', { purpose, reason: 'paused' });
      return;
    }
    if (honoursPause && (await records.contactPermissions({ phone: debtor.phone, campaignId })).campaignPaused) {
      audit('reminder-dropped', { purpose, reason: 'campaign paused' });
      return;
    }
    const template = campaign.templates[purpose] ? purpose : smsTemplateFor(campaign.cadence.steps.find((s) => s.channel === 'sms') ?? campaign.cadence.steps[0]);
    await sendSms(`${workflowId}/${purpose}/${state.brokenPromises}`, purpose, template, purpose);
  }

  function setPromise(promise: PromiseToPay): void {
    state.promise = { ...promise, paidAtPromise: state.paidMinor, madeAt: Date.now() };
    state.plan = undefined;
  }

  function setPlan(plan: PlanRequest): void {
    state.plan = { instalments: plan.instalments.map((i) => ({ ...i, status: 'due' as const })), paidAtPlan: state.paidMinor, agreedAt: Date.now() };
    state.promise = undefined;
  }

  function validatePromise(promise: PromiseToPay): void {
    requireCampaign();
    refuseWhenClosed();
    throwProblems(promiseProblems(campaign, { ...promise, balanceMinor: state.balanceMinor, now: Date.now(), timeZone: debtor.timeZone }));
  }

  function validatePlan(plan: PlanRequest): void {
    requireCampaign();
    refuseWhenClosed();
    if (!Array.isArray(plan?.instalments)) throw new Error('instalments: required, a list of { amountMinor, dueDate }');
    throwProblems(planProblems(campaign, { instalments: plan.instalments, balanceMinor: state.balanceMinor, now: Date.now(), timeZone: debtor.timeZone }));
  }

  // ---- People --------------------------------------------------------------------------------

  async function openHumanTask(reason: string, summary: string): Promise<void> {
    const taskId = `${workflowId}/task/${state.auditSeq}`;
    state.humanTask = { taskId, reason, openedAt: Date.now() };
    await records.openHumanTask({ taskId, workflowId, campaignId, reason, summary });
    audit('human-task-opened', { taskId, reason });
  }

  async function adoptHumanTask(taskId: string, reason: string, summary: string): Promise<void> {
    state.humanTask = { taskId, reason, openedAt: Date.now() };
    await records.updateHumanTask({ taskId, reason, summary });
    audit('human-task-opened', { taskId, reason });
  }

  async function waitForAgent(): Promise<void> {
    // Taken before any await: the agent's resolution may arrive while the snapshot is written.
    const task = state.humanTask!;
    setStatus('awaiting-agent');
    state.nextContact = undefined;
    await saveSnapshot();
    const answered = await condition(() => state.humanTask !== task || isClosed() || state.paused, humanTaskReminderEvery);
    if (!answered) audit('human-task-reminder', { taskId: task.taskId, openSince: task.openedAt });
  }

  async function stopAllContact(outcome: 'disputed' | 'ceased', detail: string): Promise<void> {
    audit(outcome, { detail });
    await records.openHumanTask({
      taskId: `${workflowId}/task/${outcome}`,
      workflowId,
      campaignId,
      reason: outcome,
      summary: outcome === 'disputed' ? 'The debtor disputes the debt: verify before any further collection.' : 'The debtor asked us to stop communicating.',
    });
    close(outcome);
  }

  // ---- Campaign versions ---------------------------------------------------------------------

  async function adoptNewCampaignVersion(): Promise<void> {
    if (pendingCampaignVersion <= state.campaignVersion) return;
    const currentStepId = campaign.cadence.steps[state.stepIndex]?.id;
    campaign = await records.loadCampaignVersion({ campaignId, version: pendingCampaignVersion });
    const from = state.campaignVersion;
    state.campaignVersion = pendingCampaignVersion;
    state.stepIndex = stepIndexInVersion(campaign, currentStepId, state.stepIndex);
    audit('campaign-version-adopted', { from, to: state.campaignVersion });
  }

  // ---- Bookkeeping ---------------------------------------------------------------------------

  function position() {
    const inCycle = state.attempts.filter((a) => a.at >= state.cycleStartedAt && a.outcome !== 'skipped-opted-out');
    return {
      cycleStartedAt: state.cycleStartedAt,
      stepIndex: state.stepIndex,
      stepRetries: state.stepRetries,
      retryAt: state.retryAt,
      lastStepDoneAt: state.lastStepDoneAt,
      made: { sms: inCycle.filter((a) => a.channel === 'sms').length, voice: inCycle.filter((a) => a.channel === 'voice').length },
    };
  }

  function recordAttempt(attemptKey: string, stepId: string, channel: 'sms' | 'voice', purpose: string, outcome: AttemptOutcome, providerSid?: string) {
    state.attempts.push({ attemptKey, stepId, channel, purpose, at: Date.now(), outcome, campaignVersion: state.campaignVersion, providerSid });
    audit('contact-attempt', { attemptKey, stepId, channel, purpose, outcome });
  }

  function setStatus(status: DebtorState['status']): void {
    if (!isClosed()) state.status = status;
  }

  function close(outcome: TerminalOutcome): void {
    if (isClosed()) return;
    state.outcome = outcome;
    state.status = outcome;
    state.nextContact = undefined;
    state.humanTask = outcome === 'disputed' || outcome === 'ceased' ? state.humanTask : undefined;
    audit('closed', { outcome, balanceMinor: state.balanceMinor });
    touched();
  }

  /** Sleeps until `at`, or returns true early when an event changed something (or `until` holds). */
  async function sleepUntil(at: number, until: () => boolean = () => false): Promise<boolean> {
    const wait = at - Date.now();
    if (wait <= 0) return changes !== considered || until();
    return condition(() => changes !== considered || isClosed() || until(), wait);
  }

  async function waitForChange(): Promise<void> {
    await condition(() => changes !== considered);
  }

  async function saveSnapshot(): Promise<void> {
    const snapshot = {
      workflowId,
      status: state.status,
      balanceMinor: state.balanceMinor,
      nextContactAt: state.nextContact?.at,
      nextContactReason: state.nextContact?.reason,
    };
    const key = JSON.stringify(snapshot);
    if (key === lastSnapshot) return;
    lastSnapshot = key;
    await records.saveDebtorSnapshot(snapshot);
  }

  /**
   * Appends to the audit log. Handlers cannot wait for it, so the write is tracked and the main
   * loop waits for every tracked write before it moves on, continues as new or returns.
   */
  function audit(type: string, data: Record<string, unknown>): void {
    const seq = ++state.auditSeq;
    auditsInFlight.push(
      records.recordAudit({ eventKey: `${workflowId}#${seq}`, workflowId, campaignId, campaignVersion: state.campaignVersion, type, data }),
    );
  }

  async function flushAudits(): Promise<void> {
    while (auditsInFlight.length > 0) await auditsInFlight.shift();
  }

  function shouldContinueAsNew(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > (input.continueAsNewAfterEvents ?? defaultContinueAsNewAfterEvents);
  }
}

function segmentProfile(debtor: DebtorWorkflowInput['debtor']) {
  const data = debtor.segmentData;
  return {
    daysPastDue: data.daysPastDue ?? 0,
    onTimePayments: data.onTimePayments ?? 0,
    brokenPromises: data.brokenPromises ?? 0,
    amountDue: debtor.amountDueMinor,
    flags: data.flags ?? [],
  };
}

function initialState(input: DebtorWorkflowInput): DebtorState {
  const { debtor } = input;
  const now = Date.now();
  return {
    status: 'contacting',
    campaignVersion: input.campaignVersion,
    strategy: 'undecided',
    balanceMinor: debtor.amountDueMinor,
    paidMinor: 0,
    cycle: 1,
    cycleStartedAt: now,
    stepIndex: 0,
    stepRetries: 0,
    attempts: [],
    callAttempts: [],
    conversations: [],
    optedOut: { sms: false, voice: false },
    paused: false,
    brokenPromises: debtor.segmentData.brokenPromises ?? 0,
    paymentIds: [],
    auditSeq: 0,
  };
}

function isFinal(status: SmsDeliveryStatus | undefined): boolean {
  return status?.status === 'delivered' || status?.status === 'undelivered' || status?.status === 'failed';
}

function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${field}: required, a non-empty text`);
}

function problemTexts(problems: Array<{ path: string; message: string }>): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

function throwProblems(problems: Array<{ path: string; message: string }>): void {
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
}

export const isTerminalOutcome = (status: string): status is TerminalOutcome => (terminalOutcomes as readonly string[]).includes(status);
