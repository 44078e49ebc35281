import type { ComponentChildren } from 'preact';
import type { ArmMetric, ExperimentReport, MetricReport } from '../../src/experiments/experiment-report';
import type { Verdict } from '../../src/experiments/statistics';
import { Table } from '../table';
import { money, percent } from '../ui';

const verdictWords: Record<Verdict, string> = {
  significant: 'Significant',
  'not-significant': 'Not significant',
  'not-enough-data': 'Not enough data',
};

/** Each metric per arm: its value, its 95% interval and what it stands on. */
export function MetricsTable(props: { experiment: ExperimentReport; currency?: string }) {
  const { experiment } = props;
  return (
    <Table caption={`Metrics of ${experiment.id}`} columns={['Metric (95% interval)', ...experiment.arms.map((arm) => arm.id)]}>
      {experiment.metrics.map((metric) => (
        <tr key={metric.metric}>
          <th scope="row">{metric.label}</th>
          {experiment.arms.map((arm) => (
            <td key={arm.id}>{measured(metric, metric.arms.find((candidate) => candidate.arm === arm.id), props.currency)}</td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

// With nobody measured the estimate is the whole range (0% to 100%): saying so would read as a result.
function measured(metric: MetricReport, arm: ArmMetric | undefined, currency: string | undefined): ComponentChildren {
  if (!arm || arm.n === 0) return <span class="muted">No data yet</span>;
  const shown = metric.unit === 'share' ? percent : (minor: number) => money(minor, currency);
  const { value, low, high } = arm.estimate;
  const basis = metric.unit === 'share' ? `${arm.successes ?? 0} of ${arm.n}` : `${arm.n} accounts`;
  return (
    <>
      {shown(value)}{' '}
      <span class="muted">
        ({shown(low)} to {shown(high)}), {basis}
      </span>
    </>
  );
}

/** Each variant against the control, per metric: the verdict in a word, then why in a sentence. */
export function Comparisons(props: { experiment: ExperimentReport }) {
  const { experiment } = props;
  const comparisons = experiment.metrics.flatMap((metric) => metric.comparisons.map((comparison) => ({ label: metric.label, ...comparison })));
  return (
    <>
      <h4>Against the control</h4>
      <ul class="comparisons" aria-label={`Comparisons of ${experiment.id} with its control`}>
        {comparisons.map((comparison) => (
          <li key={`${comparison.label}-${comparison.arm}`}>
            <span class={`verdict ${comparison.verdict}`}>{verdictWords[comparison.verdict]}</span>{' '}
            <strong>
              {comparison.label}, {comparison.arm} vs {comparison.against}:
            </strong>{' '}
            {comparison.explanation}
          </li>
        ))}
      </ul>
    </>
  );
}
