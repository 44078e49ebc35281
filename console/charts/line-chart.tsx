import { useEffect, useRef } from 'preact/hooks';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import './line-chart.css';

// A line chart of one or more named series over the same labels (a trend over days or weeks),
// drawn by Chart.js on a canvas. A canvas says nothing to a screen reader, so the same figures are
// always in a table beside it. A missing value (null: nothing to divide) is a gap, not a zero.

// Only the parts a line chart uses, so the bundle carries no other chart type.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface LineSeries {
  name: string;
  values: Array<number | null>;
}

export interface LineChartProps {
  /** What the chart shows: it names the figure and captions the table. */
  label: string;
  labels: string[];
  series: LineSeries[];
  /** What the labels are ('Day', 'Week'): the heading of the table's first column. */
  category?: string;
  /** The table of figures under the chart; without it the table is there for screen readers only. */
  showTable?: boolean;
  /** How a value is written in the table and on the value axis. */
  format?: (value: number) => string;
}

/** On white, each at or above 3:1 against the background (WCAG's figure for graphics). */
const palette = ['#0b57d0', '#e8710a', '#146c2e', '#9334e6', '#b3261e', '#00838f'];

export function LineChart(props: LineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line'> | undefined>(undefined);
  useEffect(() => {
    const next = configuration(props);
    if (!chart.current) {
      chart.current = new Chart(canvas.current!, next);
      return;
    }
    chart.current.data = next.data;
    chart.current.options = next.options!;
    chart.current.update();
  }, [props.labels, props.series, props.format]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = undefined;
    },
    [],
  );
  return (
    <figure class="line-chart">
      <div class="line-chart-canvas">
        {/* The table below carries the figures; the picture is for sighted readers. */}
        <canvas ref={canvas} aria-hidden="true" />
      </div>
      <FiguresTable {...props} />
    </figure>
  );
}

function FiguresTable(props: LineChartProps) {
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
                    {value === null || value === undefined ? '—' : format(value)}
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

function configuration(props: LineChartProps): ChartConfiguration<'line'> {
  const format = props.format;
  return {
    type: 'line',
    data: {
      labels: props.labels,
      datasets: props.series.map((series, index) => ({
        label: series.name,
        data: series.values,
        borderColor: palette[index % palette.length],
        backgroundColor: palette[index % palette.length],
        spanGaps: false,
        tension: 0,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: no motion for those who asked for none, and a screenshot shows the figures.
      animation: false,
      plugins: { legend: { display: props.series.length > 1, position: 'bottom' } },
      scales: { y: { beginAtZero: true, ticks: format ? { callback: (value: string | number) => format(Number(value)) } : {} } },
    },
  };
}
