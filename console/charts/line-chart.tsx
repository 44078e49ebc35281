import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { FiguresTable, palette, useChart } from './chart-parts';
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

export function LineChart(props: LineChartProps) {
  const canvas = useChart(() => configuration(props), [props.labels, props.series, props.format]);
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
