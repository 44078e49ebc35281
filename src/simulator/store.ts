import type {
  CallRecord,
  CallStatus,
  LogEntry,
  MessageRecord,
  SimulatorEvent,
  SimulatorEventInput,
  TranscriptEntry,
  TranscriptEntryInput,
  WebhookAttempt,
} from './records';

type RecordingEntry = Extract<TranscriptEntry, { kind: 'recording' }>;

export type SimulatorEventListener = (event: SimulatorEvent) => void;

// A demo left running records without end; the oldest events go first. Calls and messages stay.
const MAX_EVENTS = 50_000;

/**
 * Everything the simulator did, queryable by tests and the admin API, and pushed live to listeners.
 * Records are mutated only through this class, so every change is also an event.
 */
export class SimulatorStore {
  private readonly listeners = new Set<SimulatorEventListener>();
  private readonly events: SimulatorEvent[] = [];
  private readonly messages = new Map<string, MessageRecord>();
  private readonly calls = new Map<string, CallRecord>();
  private readonly settledCalls = new Set<string>();
  private readonly settledMessages = new Set<string>();
  /** Recordings deleted through the REST API: their transcript entries stay, for tests to read what was said. */
  private readonly deletedRecordings = new Set<string>();
  private nextSeq = 1;

  /** Calls `listener` for every event from now on; returns the unsubscribe function. */
  onEvent(listener: SimulatorEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  eventsSince(seq = 0): readonly SimulatorEvent[] {
    return this.events.filter((event) => event.seq > seq);
  }

  addMessage(message: MessageRecord): void {
    this.messages.set(message.sid, message);
    this.emit({ type: 'message', message: { ...message } });
  }

  updateMessage(sid: string, patch: Partial<MessageRecord>): MessageRecord {
    const message = this.requireMessage(sid);
    Object.assign(message, patch, { dateUpdated: new Date() });
    this.emit({ type: 'message', message: { ...message } });
    return message;
  }

  markMessageSettled(sid: string): void {
    this.settledMessages.add(sid);
    this.emit({ type: 'message-settled', messageSid: sid });
  }

  message(sid: string): Readonly<MessageRecord> | undefined {
    return this.messages.get(sid);
  }

  /** Messages in the order they were created; `phone` matches either end. */
  listMessages(filter: { accountSid?: string; phone?: string; to?: string; from?: string } = {}): MessageRecord[] {
    return [...this.messages.values()].filter(
      (m) =>
        (filter.accountSid === undefined || m.accountSid === filter.accountSid) &&
        (filter.phone === undefined || m.to === filter.phone || m.from === filter.phone) &&
        (filter.to === undefined || m.to === filter.to) &&
        (filter.from === undefined || m.from === filter.from),
    );
  }

  addCall(call: CallRecord): void {
    this.calls.set(call.sid, call);
    this.emit({ type: 'call-status', callSid: call.sid, phone: personPhone(call), status: call.status });
  }

  updateCall(sid: string, patch: Partial<Omit<CallRecord, 'transcript' | 'status'>>): CallRecord {
    return Object.assign(this.requireCall(sid), patch, { dateUpdated: new Date() });
  }

  setCallStatus(sid: string, status: CallStatus, elapsedSeconds: number): void {
    const call = this.updateCall(sid, {});
    call.status = status;
    this.emit({ type: 'call-status', callSid: sid, phone: personPhone(call), status });
    this.appendTranscript(sid, { kind: 'status', status, elapsedSeconds });
  }

  appendTranscript(sid: string, entry: TranscriptEntryInput): void {
    const call = this.requireCall(sid);
    const recorded = { ...entry, at: new Date().toISOString() } as TranscriptEntry;
    call.transcript.push(recorded);
    this.emit({ type: 'call-transcript', callSid: sid, phone: personPhone(call), entry: recorded });
  }

  markCallSettled(sid: string): void {
    const call = this.requireCall(sid);
    this.settledCalls.add(sid);
    this.emit({ type: 'call-settled', callSid: sid, phone: personPhone(call), status: call.status });
  }

  call(sid: string): Readonly<CallRecord> | undefined {
    return this.calls.get(sid);
  }

  /** A <Record> result by RecordingSid, with its call: the call's transcript is where recordings live. */
  recording(sid: string): { call: Readonly<CallRecord>; recording: RecordingEntry } | undefined {
    if (this.deletedRecordings.has(sid)) return undefined;
    for (const call of this.calls.values()) {
      const recording = call.transcript.find((entry): entry is RecordingEntry => entry.kind === 'recording' && entry.recordingSid === sid);
      if (recording) return { call, recording };
    }
    return undefined;
  }

  /** Whether the recording has been deleted (Twilio answers 404 for it since). */
  recordingDeleted(sid: string): boolean {
    return this.deletedRecordings.has(sid);
  }

  deleteRecording(sid: string): void {
    this.deletedRecordings.add(sid);
  }

  /** Calls in the order they were created; `phone` matches either end. */
  listCalls(filter: { accountSid?: string; phone?: string; to?: string; from?: string; status?: string } = {}): CallRecord[] {
    return [...this.calls.values()].filter(
      (c) =>
        (filter.accountSid === undefined || c.accountSid === filter.accountSid) &&
        (filter.phone === undefined || c.to === filter.phone || c.from === filter.phone) &&
        (filter.to === undefined || c.to === filter.to) &&
        (filter.from === undefined || c.from === filter.from) &&
        (filter.status === undefined || c.status === filter.status),
    );
  }

  recordLinkVisit(visit: { phone: string; url: string; statusCode: number | null; error: string | null }): void {
    this.emit({ type: 'link-visited', ...visit });
  }

  recordWebhook(attempt: WebhookAttempt): void {
    this.emit({ type: 'webhook', attempt });
  }

  webhookAttempts(): WebhookAttempt[] {
    return this.events.flatMap((event) => (event.type === 'webhook' ? [event.attempt] : []));
  }

  log(entry: Partial<LogEntry> & Pick<LogEntry, 'level' | 'message'>): void {
    this.emit({ type: 'log', entry: { code: null, callSid: null, messageSid: null, ...entry } });
  }

  logs(): LogEntry[] {
    return this.events.flatMap((event) => (event.type === 'log' ? [event.entry] : []));
  }

  /** Resolves when the call has ended and its last status callback has been answered. */
  waitForCallSettled(sid: string, timeoutMs = 10_000): Promise<Readonly<CallRecord>> {
    return this.waitFor(() => (this.settledCalls.has(sid) ? this.calls.get(sid) : undefined), timeoutMs, `call ${sid} to settle`);
  }

  /** Resolves when the message has reached its final status and its callbacks have been answered. */
  waitForMessageSettled(sid: string, timeoutMs = 10_000): Promise<Readonly<MessageRecord>> {
    return this.waitFor(
      () => (this.settledMessages.has(sid) ? this.messages.get(sid) : undefined),
      timeoutMs,
      `message ${sid} to settle`,
    );
  }

  /** Resolves with the first non-undefined value of `probe`, tried now and after every event. */
  waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const found = probe();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const unsubscribe = this.onEvent(() => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      });
    });
  }

  /** Forgets every record and event (personas and configuration stay). */
  clear(): void {
    this.events.length = 0;
    this.messages.clear();
    this.calls.clear();
    this.settledCalls.clear();
    this.settledMessages.clear();
  }

  private emit(input: SimulatorEventInput): void {
    const event = { ...input, seq: this.nextSeq++, at: new Date().toISOString() } as SimulatorEvent;
    this.events.push(event);
    if (this.events.length > MAX_EVENTS) this.events.shift();
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty listener (a demo printer, a test probe) must not break the call it is watching.
      }
    }
  }

  private requireMessage(sid: string): MessageRecord {
    const message = this.messages.get(sid);
    if (!message) throw new Error(`Unknown message ${sid}`);
    return message;
  }

  private requireCall(sid: string): CallRecord {
    const call = this.calls.get(sid);
    if (!call) throw new Error(`Unknown call ${sid}`);
    return call;
  }
}

/** The simulated person's end of a call: the callee of an outbound call, the caller of an inbound one. */
function personPhone(call: CallRecord): string {
  return call.direction === 'inbound' ? call.from : call.to;
}
