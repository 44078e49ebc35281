import type { ArmMetric, CampaignExperiments, ExperimentReport, MetricReport } from './experiment-report';

// A campaign's experiment results as text for a terminal (`parley experiment show`): the arms, then
// each metric per arm with its 95% interval, then each comparison's verdict in plain words.

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const money = (minor: number) => (minor / 100).toFixed(2);

function cell(metric: MetricReport, arm: ArmMetric): string {
  if (arm.n === 0) return 'no data yet';
  const { value, low, high } = arm.estimate;
  if (metric.unit === 'share') return `${percent(value)} [${percent(low)}–${percent(high)}] ${arm.successes}/${arm.n}`;
  return `${money(value)} [${money(low)}–${money(high)}] n=${arm.n}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd());
}

function experimentLines(experiment: ExperimentReport, currency: string | undefined): string[] {
  const lines = [`experiment ${experiment.id}${experiment.question ? ` — ${experiment.question}` : ''}`];
  lines.push(`varies: ${experiment.varies.join(', ') || 'nothing yet'} · control: ${experiment.control}`, '');
  lines.push(
    ...table([
      ['arm', 'weight', 'people', 'moved out', 'state'],
      ...experiment.arms.map((arm) => [arm.id, String(arm.weight), String(arm.people), String(arm.movedOut), arm.stopped ? 'stopped' : 'running']),
    ]),
    '',
  );
  const armIds = experiment.arms.map((arm) => arm.id);
  lines.push(
    ...table([
      ['metric (95% interval)', ...armIds],
      ...experiment.metrics.map((metric) => [
        metric.unit === 'minor-units' && currency ? `${metric.label} (${currency})` : metric.label,
        ...armIds.map((id) => {
          const arm = metric.arms.find((candidate) => candidate.arm === id);
          return arm ? cell(metric, arm) : '';
        }),
      ]),
    ]),
    '',
  );
  for (const metric of experiment.metrics) {
    for (const comparison of metric.comparisons) {
      lines.push(`${metric.label}, ${comparison.arm} vs ${comparison.against}: ${comparison.verdict.replaceAll('-', ' ')} — ${comparison.explanation}`);
    }
  }
  return lines;
}

export function renderExperimentsTable(results: CampaignExperiments): string {
  const head = `${results.kind === 'survey' ? 'survey' : 'campaign'} ${results.campaignId} v${results.version} · as of ${results.asOf}`;
  if (results.experiments.length === 0) return `${head}\nno experiments: declare them under experiments: in the document\n`;
  return `${[head, '', ...results.experiments.flatMap((experiment) => [...experimentLines(experiment, results.currency), ''])].join('\n')}`;
}
