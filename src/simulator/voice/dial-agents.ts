import type { DialAgentBehaviour } from '../options';

/**
 * The far ends the service can <Dial> or <Enqueue> callers to (agents' numbers, clients, queues),
 * keyed by the target as written in the TwiML: "+15550100", "alice", "support".
 */
export class DialAgents {
  private readonly byTarget = new Map<string, DialAgentBehaviour>();

  constructor(private readonly fallback: DialAgentBehaviour) {}

  set(target: string, behaviour: Partial<DialAgentBehaviour>): DialAgentBehaviour {
    const resolved = { ...this.fallback, ...behaviour };
    this.byTarget.set(target, resolved);
    return resolved;
  }

  behaviourOf(target: string): DialAgentBehaviour {
    return this.byTarget.get(target) ?? this.fallback;
  }

  list(): Array<{ target: string } & DialAgentBehaviour> {
    return [...this.byTarget].map(([target, behaviour]) => ({ target, ...behaviour }));
  }
}
