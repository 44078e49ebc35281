import { useEffect, useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';

// What every chart of the console shares: one Chart.js chart per canvas, kept in step with its
// props and destroyed with the component, and the table of the same figures that screen readers
// (and the browser tests) read, since a canvas says nothing to them.

/** On white, each at or above 3:1 against the background (WCAG's figure for graphics). */
export const palette = ['#0b57d0', '#e8710a', '#146c2e', '#9334e6', '#b3261e', '#00838f'];

/** A canvas ref whose chart is drawn from `configuration`, and redrawn when `deps` change. */
export function useChart<T extends ChartType>(configuration: () => ChartConfiguration<T>, deps: unknown[]) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | undefined>(undefined);
  useEffect(() => {
    const next = configuration();
    if (!chart.current) {
      chart.current = new Chart(canvas.current!, next);
      return;
    }
    chart.current.data = next.data;
    chart.current.options = next.options!;
    chart.current.update();
  }, deps);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = undefined;
    },
    [],
  );
  return canvas;
}

export interface FiguresProps {
  /** What the chart shows: it captions the table. */
  label: string;
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  /** What the labels are ('Answer', 'Day'): the heading of the table's first column. */
  category?: string;
  /** The table under the chart; without it the table is there for screen readers only. */
  showTable?: boolean;
  format?: (value: number) => string;
}

/** The chart's figures as a table; a missing value (null: nothing to divide) is a dash, not a zero. */
export function FiguresTable(props: FiguresProps) {
  const format = props.format ?? String;
  return (
    <div class={props.showTable ? 'table-wrap' : 'visually-hidden'}>
      <table>
        <caption class={props.showTable ? 'visually-hidden' : undefined}>{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">{props.category ?? 'Label'}</th>
            {props.series.map((series) => (
              <th scope="col" class="num" key={series.name}>
                {series.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.labels.map((label, row) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {props.series.map((series) => {
                const value = series.values[row];
                return (
                  <td class="num" key={series.name}>
                    {value === null ? '—' : format(value ?? 0)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
