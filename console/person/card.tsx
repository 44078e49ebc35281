import type { ComponentChildren } from 'preact';

// A titled part of a person's page, a landmark named by its heading.

export function Card(props: { id: string; title: string; class?: string; children: ComponentChildren }) {
  return (
    <section class={props.class ? `card ${props.class}` : 'card'} aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The page's heading, and where the person belongs. */
export function PersonHead(props: { title: string; children: ComponentChildren }) {
  return (
    <div class="person-head">
      <h1>{props.title}</h1>
      <span class="muted">{props.children}</span>
    </div>
  );
}
