import { isE164 } from '../phone-numbers';
import type { Identity } from './persona-replies';
import type { Persona } from './persona-schema';

/** A phone number and who answers it. */
export interface Person {
  readonly phone: string;
  readonly persona: Persona;
  readonly identity: Identity;
  /** False for numbers nobody was assigned to: they get the unknown-number persona. */
  readonly assigned: boolean;
  /** How many received text messages the person has reacted to so far. */
  smsReactions: number;
  /** The next unused scripted line of a persona that converses by text. */
  smsScriptCursor: number;
  /** Calls placed to this number so far. */
  callsReceived: number;
}

/** A mistake by whoever drives the simulator (unknown persona, malformed phone): a 400 on the admin API. */
export class SimulatorUsageError extends Error {
  override name = 'SimulatorUsageError';
}

/** Which persona answers which phone number; assignments can change while the simulator runs. */
export class PeopleRegistry {
  private readonly people = new Map<string, Person>();
  // Unassigned numbers that were contacted keep their state too (reaction counts bound reply loops).
  private readonly strangers = new Map<string, Person>();

  constructor(
    private readonly library: ReadonlyMap<string, Persona>,
    private readonly unknownNumberPersona: Persona,
  ) {}

  personas(): Persona[] {
    return [...this.library.values()];
  }

  /** Assigns a library persona (by name) or a ready persona to a phone number, replacing any previous one. */
  assign(phone: string, persona: string | Persona, identity: Identity = {}): Person {
    if (!isE164(phone)) throw new SimulatorUsageError(`phone must be in E.164 format (+15551234567), got "${phone}"`);
    const resolved = typeof persona === 'string' ? this.library.get(persona) : persona;
    if (!resolved) {
      throw new SimulatorUsageError(`unknown persona "${String(persona)}"; known: ${[...this.library.keys()].join(', ')}`);
    }
    const person: Person = {
      phone,
      persona: resolved,
      identity: { ...resolved.identity, ...identity },
      assigned: true,
      smsReactions: 0,
      smsScriptCursor: 0,
      callsReceived: 0,
    };
    this.people.set(phone, person);
    this.strangers.delete(phone);
    return person;
  }

  unassign(phone: string): boolean {
    return this.people.delete(phone);
  }

  /** The person at `phone`: the assigned persona, or else the unknown-number persona. */
  at(phone: string): Person {
    const known = this.people.get(phone) ?? this.strangers.get(phone);
    if (known) return known;
    const stranger: Person = {
      phone,
      persona: this.unknownNumberPersona,
      identity: this.unknownNumberPersona.identity,
      assigned: false,
      smsReactions: 0,
      smsScriptCursor: 0,
      callsReceived: 0,
    };
    this.strangers.set(phone, stranger);
    return stranger;
  }

  list(): Person[] {
    return [...this.people.values()];
  }
}
