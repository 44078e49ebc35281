import type { Person } from '../personas/people-registry';
import { type ResolvedReply, chooseReply } from '../personas/persona-replies';

/**
 * The simulated person on a call: remembers what the service said since they last spoke and
 * answers when asked for input. A voicemail never answers.
 */
export class Callee {
  private heardSinceReply: string[] = [];
  private scriptCursor = 0;
  private turns = 0;
  private leaving = false;
  /** This call's number among the calls the person received (1: the first). */
  private readonly callNumber: number;

  constructor(readonly person: Person) {
    this.callNumber = ++person.callsReceived;
  }

  get isMachine(): boolean {
    return this.person.persona.answers === 'voicemail';
  }

  /** True once the person decided to hang up (a reply said so, or they answered enough turns). */
  get wantsToHangUp(): boolean {
    return this.leaving;
  }

  hear(text: string): void {
    this.heardSinceReply.push(text);
  }

  /** What the person does when the service waits for input. */
  reply(): ResolvedReply {
    if (this.isMachine) return { kind: 'silence', afterSeconds: 0, hangUp: false };
    const conversation = this.person.persona.conversation;
    const heard = this.heardSinceReply.join(' ');
    const { reply, nextScriptCursor } = chooseReply(conversation, heard, this.scriptCursor, this.person.identity);
    this.scriptCursor = nextScriptCursor;
    this.heardSinceReply = [];
    if (reply.kind !== 'silence') this.turns += 1;
    const hangsUpOnThisCall = conversation.hangUpOnCalls === undefined || this.callNumber <= conversation.hangUpOnCalls;
    const limit = hangsUpOnThisCall ? conversation.hangUpAfterTurns : undefined;
    if (reply.hangUp || (limit !== undefined && this.turns >= limit)) this.leaving = true;
    return reply;
  }
}
