/** A document's run state, in words (not colour alone). */
export function PausedBadge(props: { paused: boolean }) {
  return <span class={`state ${props.paused ? 'paused' : 'running'}`}>{props.paused ? 'Paused' : 'Running'}</span>;
}
