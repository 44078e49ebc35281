import type { BackgroundTasks } from './background-tasks';
import type { ScaledClock } from './clock';
import type { ResolvedSimulatorOptions, ServicePhoneNumber, SimulatorAccount } from './options';
import type { PeopleRegistry } from './personas/people-registry';
import type { LogEntry } from './records';
import type { OptOutRegistry } from './sms/opt-outs';
import type { SimulatorStore } from './store';
import type { DialAgents } from './voice/dial-agents';
import type { TwimlSource } from './voice/twiml-source';
import type { WebhookSender } from './webhooks/webhook-sender';

/** A call in progress, as the REST API can steer it. */
export interface LiveCall {
  /** Status=completed hangs up a call in progress; either status cancels a call not yet answered. */
  end(status: 'completed' | 'canceled'): void;
  /** Url/Twiml update: the call leaves its current TwiML for this one. */
  redirect(source: TwimlSource): void;
  isAnswered(): boolean;
}

/** What the parts of the simulator share. Built once by startTwilioSimulator. */
export interface SimulatorContext {
  readonly options: ResolvedSimulatorOptions;
  readonly store: SimulatorStore;
  readonly webhooks: WebhookSender;
  readonly people: PeopleRegistry;
  readonly agents: DialAgents;
  readonly optOuts: OptOutRegistry;
  readonly clock: ScaledClock;
  readonly tasks: BackgroundTasks;
  readonly liveCalls: Map<string, LiveCall>;
  /** Aborted when the simulator closes: every wait and request in flight stops. */
  readonly lifetime: AbortSignal;
  /** The simulator's own URL once listening (for RecordingUrl and the like). */
  baseUrl(): string;
  account(sid: string): SimulatorAccount | undefined;
  serviceNumber(phone: string): ServicePhoneNumber | undefined;
  /** Records a log entry and passes it to the configured logger. Never put message bodies or speech in it. */
  log(entry: Partial<LogEntry> & Pick<LogEntry, 'level' | 'message'>): void;
}

/** The account a service number belongs to. */
export function accountOfNumber(context: SimulatorContext, number: ServicePhoneNumber): SimulatorAccount {
  const sid = number.accountSid ?? context.options.accounts[0]!.sid;
  const account = context.account(sid);
  if (!account) throw new Error(`Phone number ${number.phoneNumber} belongs to unknown account ${sid}`);
  return account;
}
