import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { FiguresTable, palette, useChart } from './chart-parts';
import './bar-chart.css';

// A bar chart of one or more named series over the same labels, drawn by Chart.js on a canvas. A
// canvas says nothing to a screen reader, so the same figures are always in a table beside it:
// hidden from sight by default, or shown under the chart.

// Only the parts a bar chart uses, so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  name: string;
  values: number[];
}

export interface BarChartProps {
  /** What the chart shows: it names the canvas and captions the table. */
  label: string;
  labels: string[];
  series: Series[];
  /** Bars along the labels, one label per row: for long labels. */
  horizontal?: boolean;
  /** What the labels are ('Answer', 'Question'): the heading of the table's first column. */
  category?: string;
  /** The table of figures under the chart; without it the table is there for screen readers only. */
  showTable?: boolean;
  /** How a value is written in the table and on the value axis (counts as they are by default). */
  format?: (value: number) => string;
}

/** Characters of a label written beside its bar. */
const LABEL_SHOWN = 18;

export function BarChart(props: BarChartProps) {
  const canvas = useChart(() => configuration(props), [props.labels, props.series, props.horizontal, props.format]);
  const rows = props.horizontal ? props.labels.length : 0;
  return (
    <figure class="bar-chart">
      <div class="bar-chart-canvas" style={rows ? { height: `${Math.max(160, rows * 34 + 60)}px` } : undefined}>
        {/* The table below carries the figures; the picture is for sighted readers. */}
        <canvas ref={canvas} aria-hidden="true" />
      </div>
      <FiguresTable {...props} />
    </figure>
  );
}


function configuration(props: BarChartProps): ChartConfiguration<'bar'> {
  const values = props.series.flatMap((series) => series.values);
  const whole = values.every(Number.isInteger);
  const format = props.format;
  return {
    type: 'bar',
    data: {
      labels: props.labels,
      datasets: props.series.map((series, index) => ({
        label: series.name,
        data: series.values,
        backgroundColor: palette[index % palette.length],
        maxBarThickness: 48,
      })),
    },
    options: {
      indexAxis: props.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: no motion for those who asked for none, and a screenshot shows the figures.
      animation: false,
      plugins: { legend: { display: props.series.length > 1, position: 'bottom' } },
      scales: {
        // The canvas would cut a long label short at its edge; the tooltip and the table have it whole.
        [props.horizontal ? 'y' : 'x']: { ticks: { callback: (_value: string | number, index: number) => shortened(props.labels[index] ?? '') } },
        [props.horizontal ? 'x' : 'y']: {
          beginAtZero: true,
          // Counts have no halves.
          ticks: { ...(whole ? { precision: 0 } : {}), ...(format ? { callback: (value: string | number) => format(Number(value)) } : {}) },
        },
      },
    },
  };
}

function shortened(label: string): string {
  return label.length > LABEL_SHOWN ? `${label.slice(0, LABEL_SHOWN - 1)}…` : label;
}
