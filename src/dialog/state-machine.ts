/**
 * A conversation script's states and the moves allowed between them. Generic so that a survey script
 * can reuse the turn loop later with its own states; collections is one instance (call-states.ts).
 */
export interface StateMachine<State extends string> {
  readonly states: readonly State[];
  readonly initial: State;
  isTransitionAllowed(from: State, to: State): boolean;
  /** A terminal state has no way out: the turn loop speaks the last reply, then hangs up or transfers. */
  isTerminal(state: State): boolean;
}

export function defineStateMachine<const State extends string>(definition: {
  initial: NoInfer<State>;
  transitions: Readonly<Record<State, readonly NoInfer<State>[]>>;
}): StateMachine<State> {
  const { initial, transitions } = definition;
  const states = Object.keys(transitions) as State[];
  return {
    states,
    initial,
    isTransitionAllowed: (from, to) => transitions[from].includes(to),
    isTerminal: (state) => transitions[state].length === 0,
  };
}
