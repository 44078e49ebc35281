import type { AddressInfo } from 'node:net';
import { BackgroundTasks } from './background-tasks';
import { ScaledClock } from './clock';
import type { LiveCall, SimulatorContext } from './context';
import { type TwilioSimulatorOptions, resolveOptions } from './options';
import { PeopleRegistry, type Person } from './personas/people-registry';
import { loadPersonaLibrary, parsePersona } from './personas/persona-loader';
import type { Persona, PersonaInput } from './personas/persona-schema';
import type { Identity } from './personas/persona-replies';
import type { CallRecord, MessageRecord } from './records';
import { buildSimulatorApp } from './server';
import { receiveFromPerson } from './sms/inbound-messages';
import { OptOutRegistry } from './sms/opt-outs';
import { SimulatorStore, type SimulatorEventListener } from './store';
import { DialAgents } from './voice/dial-agents';
import { receiveCallFromPerson } from './voice/inbound-calls';
import { WebhookSender } from './webhooks/webhook-sender';

export type * from './records';
export type { TwilioSimulatorOptions, ServicePhoneNumber, BlockedNumber, BlockReason, DialAgentBehaviour, SimulatorAccount, SimulatorLogger } from './options';
export type { Persona, PersonaInput } from './personas/persona-schema';
export type { Person } from './personas/people-registry';
export { SimulatorStore, type SimulatorEventListener } from './store';
export { PersonaValidationError, loadPersonaLibrary, loadPersonaFile, parsePersona } from './personas/persona-loader';
export { SimulatorUsageError } from './personas/people-registry';
export { DialAgents } from './voice/dial-agents';
export { twilioSignature } from './webhooks/signature';

/** The simulated people: who answers which number, and making them text the service. */
export interface SimulatorPeople {
  personas(): Persona[];
  /** A library persona by name, or a persona given inline (validated like a persona file). */
  assign(phone: string, persona: string | PersonaInput, identity?: Identity): Person;
  unassign(phone: string): boolean;
  at(phone: string): Person;
  list(): Person[];
  /** The person at `phone` texts `body` to a service number (the first configured one by default). */
  sendSms(phone: string, body: string, to?: string): MessageRecord;
  /** The person at `phone` calls a service number with a voiceUrl (the first configured one by default). */
  call(phone: string, to?: string): CallRecord;
}

export interface TwilioSimulator {
  /** Base URL to give the twilio client (apiBaseUrl) and the admin API's root. */
  url: string;
  store: SimulatorStore;
  people: SimulatorPeople;
  /** The far ends of <Dial> and <Enqueue>, by target. */
  agents: DialAgents;
  onEvent(listener: SimulatorEventListener): () => void;
  /** Stops every call and delivery in progress, then the server. */
  /** Waits (at most timeoutMs) until every call, delivery and reply in progress has finished. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

// close() gives running calls and deliveries this long to wind down once aborted.
const CLOSE_DRAIN_MS = 5_000;

/** Starts a local stand-in for Twilio's REST API and webhooks, driven by simulated people. */
export async function startTwilioSimulator(input: TwilioSimulatorOptions): Promise<TwilioSimulator> {
  const options = resolveOptions(input);
  const library = options.personaDir ? await loadPersonaLibrary(options.personaDir) : new Map<string, Persona>();
  const people = new PeopleRegistry(library, unknownNumberPersona(options.unknownNumberPersona, library));
  const store = new SimulatorStore();
  const lifetime = new AbortController();
  let baseUrl = '';

  const context: SimulatorContext = {
    options,
    store,
    webhooks: new WebhookSender(store, { timeoutMs: options.webhookTimeoutMs, retries: options.webhookRetries, repeat: options.webhookRepeat }),
    people,
    agents: new DialAgents(options.dialAgent),
    optOuts: new OptOutRegistry(),
    clock: new ScaledClock(options.delayScale, lifetime.signal),
    tasks: new BackgroundTasks((name, error) => {
      if (!lifetime.signal.aborted) context.log({ level: 'error', message: `${name} failed: ${(error as Error).message}` });
    }),
    liveCalls: new Map<string, LiveCall>(),
    lifetime: lifetime.signal,
    baseUrl: () => baseUrl,
    account: (sid) => options.accounts.find((account) => account.sid === sid),
    serviceNumber: (phone) => options.phoneNumbers.find((number) => number.phoneNumber === phone),
    log: (entry) => {
      store.log(entry);
      const { level, message, ...details } = { code: null, callSid: null, messageSid: null, ...entry };
      options.logger?.[level](details, message);
    },
  };

  const app = await buildSimulatorApp(context);
  await app.listen({ port: options.port, host: options.host });
  const { address, port } = app.server.address() as AddressInfo;
  baseUrl = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    store,
    agents: context.agents,
    people: {
      personas: () => people.personas(),
      assign: (phone, persona, identity) =>
        people.assign(phone, typeof persona === 'string' ? persona : parsePersona(`inline:${phone}`, persona, 'people.assign'), identity),
      unassign: (phone) => people.unassign(phone),
      at: (phone) => people.at(phone),
      list: () => people.list(),
      sendSms: (phone, body, to) => receiveFromPerson(context, phone, to ?? options.phoneNumbers[0]?.phoneNumber ?? '', body),
      call: (phone, to) => receiveCallFromPerson(context, phone, to ?? options.phoneNumbers.find((n) => n.voiceUrl)?.phoneNumber ?? ''),
    },
    onEvent: (listener) => store.onEvent(listener),
    settle: (timeoutMs = 10_000) => context.tasks.drain(timeoutMs),
    close: () => {
      closing ??= (async () => {
        lifetime.abort(new Error('Twilio simulator closed'));
        await context.tasks.drain(CLOSE_DRAIN_MS);
        await app.close();
      })();
      return closing;
    },
  };
}

function unknownNumberPersona(choice: string | PersonaInput, library: ReadonlyMap<string, Persona>): Persona {
  if (typeof choice !== 'string') return parsePersona('unknown-number', choice, 'the unknownNumberPersona option');
  const persona = library.get(choice);
  if (!persona) throw new Error(`unknownNumberPersona "${choice}" is not in the persona library`);
  return persona;
}
