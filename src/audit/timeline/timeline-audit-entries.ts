import { formatMoney } from '../../policy/money';
import { redactSensitive } from '../../policy/redaction';
import type { ContactWhy } from '../../../workflows/outreach/contact-reasons';
import type { Clock } from './timeline-clock';
import type { TimelineCall, TimelineEntry } from './timeline-entry';
import type { AttemptRow, CallRow, HistoryText, PaymentRow, PersonOfTimeline, TaskRow, TurnRow } from './timeline-records';
import { attemptWhy, deferredWhy, heldWhy, purposeWords, skippedWhy, type PauseSpan } from './timeline-why';

// Each kind of audit entry as a timeline tells it: a title, the numbers, the outcome and the why,
// with the stored records it names (the attempt's number and provider status, the call's turns,
// the text's words, the payment, the agent's task).

/** The records an audit entry may name, by their keys. */
export interface EntryContext {
  person: PersonOfTimeline;
  serviceNumber?: string;
  clock: Clock;
  pauses: readonly PauseSpan[];
  attempts: ReadonlyMap<string, AttemptRow>;
  /** By attempt key. */
  calls: ReadonlyMap<string, CallRow>;
  /** By call workflow id, in turn order. */
  turns: ReadonlyMap<string, TurnRow[]>;
  payments: ReadonlyMap<string, PaymentRow>;
  tasks: ReadonlyMap<string, TaskRow>;
  /** Texts sent, by attempt key, and received, by message SID. */
  sent: ReadonlyMap<string, Extract<HistoryText, { direction: 'out' }>>;
  received: ReadonlyMap<string, Extract<HistoryText, { direction: 'in' }>>;
}

/** What a describer says of an entry; the builder adds its id, times, kind, version and data. */
export type Described = Omit<TimelineEntry, 'id' | 'at' | 'localTime' | 'kind' | 'campaignVersion' | 'details'> & { details?: Record<string, unknown> };

type Describer = (data: Record<string, unknown>, at: number, ctx: EntryContext, type: string) => Described;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const sentence = (type: string) => type.charAt(0).toUpperCase() + type.slice(1).replaceAll('-', ' ');

/** The texted words as shown: redacted (an inbound text reaches the history as the person typed it), the payment link's marker named. */
export const shownBody = (body: string) => redactSensitive(body).replaceAll('{{paymentLink}}', '[payment link]');

/** The reasons an attempt's audit entry carries, if it is one that recorded them. */
function asWhy(value: unknown): ContactWhy | undefined {
  const why = value as Partial<ContactWhy> | undefined;
  return typeof why === 'object' && why !== null && typeof why.rule === 'string' && typeof why.dueAt === 'number' && Array.isArray(why.deferrals) ? (why as ContactWhy) : undefined;
}

function callOf(attemptKey: string, ctx: EntryContext): TimelineCall | undefined {
  const call = ctx.calls.get(attemptKey);
  if (!call) return undefined;
  const turns = (ctx.turns.get(call.callWorkflowId) ?? []).map((turn) => ({
    seq: turn.seq,
    heard: turn.heard,
    ...(turn.digits ? { keyed: true } : {}),
    intent: turn.intent,
    confidence: turn.confidence,
    sentiment: turn.sentiment,
    decision: `${turn.state} -> ${turn.nextState} (${turn.engine})`,
    said: turn.said,
    ...(turn.violations?.length ? { violations: turn.violations } : {}),
  }));
  const optional = { callSid: call.callSid, status: call.status, answeredBy: call.answeredBy, escalationSummary: call.escalationSummary };
  return { ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value)), turns };
}

const attempt: Describer = (data, at, ctx) => {
  const attemptKey = text(data.attemptKey) ?? '';
  const channel = data.channel === 'voice' ? 'voice' : 'sms';
  const outcome = text(data.outcome) ?? 'unknown';
  const purpose = text(data.purpose) ?? '';
  const row = ctx.attempts.get(attemptKey);
  const sent = ctx.sent.get(attemptKey);
  const why = asWhy(data.why);
  const reasons = [why ? attemptWhy(why, at, ctx.clock, ctx.pauses) : purposeWords(purpose), skippedWhy(outcome, channel)].filter(Boolean);
  const provider = row ? Object.fromEntries(Object.entries({ sid: row.providerSid, status: row.providerStatus, errorCode: row.errorCode }).filter(([, value]) => value)) : undefined;
  return {
    title: `${channel === 'voice' ? 'Call' : 'Text'}: ${purposeWords(purpose)}`,
    channel,
    ...(ctx.serviceNumber ? { from: ctx.serviceNumber } : {}),
    to: row?.to ?? sent?.to ?? ctx.person.phone,
    outcome,
    why: reasons.join('; '),
    ...(sent ? { body: shownBody(sent.body) } : {}),
    ...(channel === 'voice' ? { call: callOf(attemptKey, ctx) } : {}),
    ...(provider ? { details: { ...data, provider } } : {}),
  };
};

const deferred: Describer = (data, at, ctx) => ({
  title: `${data.channel === 'voice' ? 'Call' : 'Text'} for '${text(data.stepId)}' deferred`,
  channel: data.channel === 'voice' ? 'voice' : 'sms',
  why: deferredWhy(data as Parameters<typeof deferredWhy>[0], at, ctx.clock),
});

const held: Describer = (data, at, ctx) => ({
  title: `${data.channel === 'voice' ? 'Call' : 'Text'} for '${text(data.stepId)}' held by the campaign's pause`,
  channel: data.channel === 'voice' ? 'voice' : 'sms',
  why: heldWhy(data as Parameters<typeof heldWhy>[0], at, ctx.clock),
  ...(text(data.pausedBy) ? { actor: text(data.pausedBy) } : {}),
});

const inbound: Describer = (data, _at, ctx) => {
  const received = ctx.received.get(text(data.messageSid) ?? '');
  return {
    title: `Text received${received ? ` (${received.kind})` : ''}`,
    channel: 'sms',
    from: ctx.person.phone,
    ...(ctx.serviceNumber ? { to: ctx.serviceNumber } : {}),
    ...(received ? { body: shownBody(received.body) } : {}),
  };
};

const moneyIn = (currency: string | undefined) => (minor: number) => (currency ? formatMoney(minor, currency, 'en') : `${minor} (minor units)`);

const payment: Describer = (data, _at, ctx) => {
  const row = ctx.payments.get(text(data.paymentId) ?? '');
  const money = moneyIn(row?.currency ?? ctx.person.currency);
  const amount = number(data.amountMinor) ?? 0;
  const balance = number(data.balanceMinor);
  const actor = text(data.actor) ?? text(row?.recordedBy);
  return {
    title: `Payment received: ${money(amount)}`,
    why: [row && `reported by ${row.provider}`, balance !== undefined && `balance ${money(balance)}`].filter(Boolean).join('; ') || undefined,
    ...(actor ? { actor } : {}),
  };
};

const taskOpened: Describer = (data, _at, ctx) => {
  const task = ctx.tasks.get(text(data.taskId) ?? '');
  return { title: `Handed to a person: ${text(data.reason) ?? task?.reason ?? 'task'}`, ...(task ? { why: task.summary, details: { ...data, status: task.status } } : {}) };
};

const taskResolved: Describer = (data) => ({
  title: `Task resolved${text(data.outcome) ? `: ${text(data.outcome)}` : ''}`,
  ...(text(data.notes) ? { why: text(data.notes) } : {}),
  ...(text(data.outcome) ? { outcome: text(data.outcome) } : {}),
});

const pausedOrResumed =
  (verb: 'Paused' | 'Resumed'): Describer =>
  (data) => ({
    title: `${verb} by the ${text(data.by) ?? 'operator'}`,
    ...(text(data.reason) ? { why: text(data.reason) } : {}),
    ...(Array.isArray(data.stillPausedBy) ? { why: `still paused by the ${data.stillPausedBy.join(' and ')}` } : {}),
  });

const started: Describer = (data) => {
  const strategy = text(data.strategy);
  return { title: 'Outreach started', ...(strategy ? { why: `strategy ${strategy}${text(data.segmentId) ? ` (segment ${text(data.segmentId)})` : ''}` } : {}) };
};

const closed: Describer = (data) => ({ title: `Closed${text(data.outcome) ? `: ${text(data.outcome)}` : ''}`, ...(text(data.outcome) ? { outcome: text(data.outcome) } : {}) });

const promise: Describer = (data, _at, ctx) => ({
  title: `Promise to pay ${moneyIn(ctx.person.currency)(number(data.amountMinor) ?? 0)} by ${text(data.dueDate)}`,
  why: data.source === 'call' ? 'agreed on a call' : 'recorded by an operator or agent',
});

const plan: Describer = (data, _at, ctx) => {
  const instalments = Array.isArray(data.instalments) ? (data.instalments as Array<{ amountMinor?: number; dueDate?: string }>) : [];
  const money = moneyIn(ctx.person.currency);
  return {
    title: `Plan agreed: ${instalments.length} instalment${instalments.length === 1 ? '' : 's'}`,
    why: `${instalments.map((i) => `${money(i.amountMinor ?? 0)} by ${i.dueDate}`).join(', ')}; ${data.source === 'call' ? 'agreed on a call' : 'recorded by an operator or agent'}`,
  };
};

const versionAdopted: Describer = (data) => ({ title: `Campaign version ${number(data.to)} adopted (was ${number(data.from)})`, why: 'a new version reached the account between contacts' });

const experimentAssigned: Describer = (data) => ({
  title: `Placed in arm ${text(data.armId)} of experiment ${text(data.experimentId)}`,
  why: `drawn by the arms' weights when campaign version ${number(data.campaignVersion)} was loaded; kept from then on`,
});

const experimentArmMoved: Describer = (data) => ({
  title: `Moved from arm ${text(data.from)} to arm ${text(data.armId)} of experiment ${text(data.experimentId)}`,
  why: `arm ${text(data.from)} was ${data.reason === 'arm-removed' ? 'removed' : 'stopped'} in campaign version ${number(data.campaignVersion)}`,
});

const callOutcome: Describer = (data) => {
  const facts = [
    text(data.answeredBy) && `answered by ${text(data.answeredBy)}`,
    data.rightPartyVerified === true && 'right party verified',
    Array.isArray(data.intents) && data.intents.length > 0 && `intents ${data.intents.join(', ')}`,
    text(data.escalatedTo) && `escalated to ${text(data.escalatedTo)}`,
    data.voicemailLeft === true && 'voicemail left',
  ].filter(Boolean);
  return { title: 'Call outcome', channel: 'voice', why: facts.join('; ') || 'no conversation' };
};

/** Any other entry: its type as words, and its reason, detail or notes when it has one. */
const generic: Describer = (data, _at, _ctx, type) => {
  const words = text(data.reason) ?? text(data.detail) ?? text(data.notes) ?? text(data.why);
  return { title: sentence(type), ...(words ? { why: words } : {}) };
};

const describers: Record<string, Describer> = {
  'contact-attempt': attempt,
  'contact-deferred': deferred,
  'contact-held': held,
  'payment-received': payment,
  'human-task-opened': taskOpened,
  'human-task-resolved': taskResolved,
  paused: pausedOrResumed('Paused'),
  resumed: pausedOrResumed('Resumed'),
  'campaign-version-adopted': versionAdopted,
  'experiment-assigned': experimentAssigned,
  'experiment-arm-moved': experimentArmMoved,
  'call-outcome': callOutcome,
  started,
  closed,
  'promise-recorded': promise,
  'plan-agreed': plan,
};

/** How an audit entry of `type` is told. */
export function describeAudit(type: string, data: Record<string, unknown>, at: number, ctx: EntryContext): Described {
  const describe = describers[type] ?? (type.startsWith('sms-') ? inbound : generic);
  const described = describe(data, at, ctx, type);
  const actor = described.actor ?? text(data.actor);
  return actor ? { ...described, actor } : described;
}
