import type { ComponentChildren } from 'preact';
import { when } from '../ui';
import type { OutreachState } from '../../workflows/outreach/outreach-state';

// What the person pages show as label and value: the profile, and where the outreach stands.

export type Fact = [label: string, value: ComponentChildren];

export function Facts(props: { facts: Array<Fact | false | undefined> }) {
  return (
    <dl class="facts">
      {props.facts
        .filter((fact): fact is Fact => Boolean(fact))
        .map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
    </dl>
  );
}

/** The status facts both workflows keep: status, outcome, who paused, the next contact and why then. */
export function outreachFacts(state: Pick<OutreachState, 'paused' | 'pausedBy' | 'nextContact' | 'attempts'> & { status: string; outcome?: string }, zone: string): Fact[] {
  const next = state.nextContact;
  return [
    ['Status', <span class="status-badge" data-testid="status">{state.status}</span>],
    ...(state.outcome ? [['Outcome', state.outcome] as Fact] : []),
    ...(state.paused ? [['Paused by', (state.pausedBy ?? []).join(' and ') || 'an operator'] as Fact] : []),
    ['Next contact', next ? `${when(new Date(next.at).toISOString(), zone)} by ${next.channel === 'sms' ? 'text' : 'call'} (step ${next.stepId})` : 'none planned'],
    ...(next ? [['Why then', next.reason] as Fact] : []),
    ['Attempts so far', String(state.attempts.length)],
  ];
}
