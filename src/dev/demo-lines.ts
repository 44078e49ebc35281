import { DateTime } from 'luxon';
import type { SimulatorEvent, TwilioSimulator } from '../simulator';

// How the demos of `npm start` print a person's journey: one time-stamped line per thing that
// happened, with who it happened to.

export type PersonLine = (phone: string, text: string) => void;

export interface DemoPerson {
  name: string;
  persona: string;
}

export function personLines(people: ReadonlyMap<string, DemoPerson>, print: (line: string) => void): PersonLine {
  return (phone, text) => {
    const person = people.get(phone);
    const who = person ? `${person.name.padEnd(13)} ${`(${person.persona})`.padEnd(20)}` : phone;
    print(`${DateTime.now().toFormat('HH:mm:ss')}  ${who} ${text}`);
  };
}

/** The simulator's events about these people; a message is reported again at each status change, and passed on once. */
export function followPeople(simulator: TwilioSimulator, people: ReadonlyMap<string, DemoPerson>, handle: (event: SimulatorEvent) => void): () => void {
  const seenMessages = new Set<string>();
  return simulator.onEvent((event) => {
    if (event.type === 'message') {
      const { sid, direction, from, to } = event.message;
      if (seenMessages.has(sid) || !people.has(direction === 'inbound' ? from : to)) return;
      seenMessages.add(sid);
    } else if ('phone' in event && !people.has(event.phone)) {
      return;
    }
    handle(event);
  });
}

/** A text as one line: SMS → what the person sent, SMS ← what they received. */
export function describeText(message: Extract<SimulatorEvent, { type: 'message' }>['message'], line: PersonLine): void {
  if (message.direction === 'inbound') line(message.from, `SMS →  "${oneLine(message.body)}"`);
  else line(message.to, `SMS ←  "${oneLine(message.body)}"`);
}

/** What was said, pressed or heard on a call, as one line. */
export function describeCallTranscript(phone: string, entry: Extract<SimulatorEvent, { type: 'call-transcript' }>['entry'], line: PersonLine): void {
  if (entry.kind === 'service-said') line(phone, `  agent:  "${entry.text}"`);
  if (entry.kind === 'service-played' && entry.transcript) line(phone, `  agent:  "${entry.transcript}" (played)`);
  if (entry.kind === 'agent-heard') line(phone, `  whisper to ${entry.target}: "${entry.text}"`);
  if (entry.kind === 'person-said') line(phone, `  person: "${entry.text}" (confidence ${entry.confidence})`);
  if (entry.kind === 'person-pressed') line(phone, `  person pressed ${entry.digits}`);
  if (entry.kind === 'machine-greeting') line(phone, `  voicemail: "${entry.text}"`);
  if (entry.kind === 'dial') line(phone, `  transferred to ${entry.target}: ${entry.outcome}`);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' / ');
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

export interface RunningDemo {
  stop(): void;
}

/**
 * Reads the stores every two seconds while the demo runs (what the workflows mirrored there); a
 * failed read is skipped, the next one catches up.
 */
export function pollWhileRunning(poll: () => Promise<unknown>, unsubscribe: () => void): RunningDemo {
  const timer = setInterval(() => void poll().catch(() => undefined), 2000);
  return {
    stop() {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
