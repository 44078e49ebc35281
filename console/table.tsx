import type { ComponentChildren } from 'preact';

/** A column heading; `num` ones are right-aligned, like their cells. */
export type Column = string | { label: string; num: true };

/** A table that scrolls sideways inside itself on a narrow screen, named by its caption (hidden unless `showCaption`). */
export function Table(props: { caption: string; showCaption?: boolean; columns: Column[]; class?: string; children: ComponentChildren }) {
  return (
    // Focusable, so a keyboard can scroll it when it is wider than the screen.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table class={props.class}>
        <caption class={props.showCaption ? undefined : 'visually-hidden'}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) =>
              typeof column === 'string' ? (
                <th scope="col" key={column}>
                  {column}
                </th>
              ) : (
                <th scope="col" class="num" key={column.label}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
