import type { VariedPart } from '../../src/campaigns/experiment-schema';
import type { CampaignExperiments, ExperimentReport } from '../../src/experiments/experiment-report';
import { documentPath, type OutreachKind, type OutreachKindName } from '../outreach/kinds';
import { Loading, useApi, when } from '../ui';
import { ArmsTable } from './experiment-arms';
import { Comparisons, MetricsTable } from './experiment-metrics';
import './experiments.css';

/** The script parts an arm can vary, in a collections manager's words. */
const partNames: Record<VariedPart, string> = {
  greeting: 'the greeting',
  disclosures: 'the wording of the disclosure',
  leadOffer: 'the offer made first',
  templates: 'the wording of text messages',
  callHours: 'the hours of calls',
  introduction: "the survey's introduction",
};

/**
 * A campaign's or a survey's script experiments (A/B tests) as GET /campaigns/:id/experiments (or
 * /surveys/:id/experiments) gives them. Stopping an arm makes a new version of the document, so the
 * page is told (`onStopped`) to read its version history again.
 */
export function ExperimentsSection(props: { kind: OutreachKind; id: string; onStopped(): void }) {
  const { kind } = props;
  const path = documentPath(kind, props.id, '/experiments');
  const loaded = useApi<CampaignExperiments>(path);
  const stopped = () => {
    loaded.reload();
    props.onStopped();
  };
  return (
    <section aria-labelledby="experiments-heading">
      <h2 id="experiments-heading">Experiments</h2>
      <Loading loaded={loaded}>
        {(results) =>
          results.experiments.length === 0 ? (
            <p class="muted">
              No experiments are declared: they are added under <code>experiments:</code> in the {kind.name} document.
            </p>
          ) : (
            <>
              <p class="muted">
                Read {when(results.asOf)}, {kind.name} version {results.version}. Each arm is set against its experiment's control; every figure has its 95% interval.
              </p>
              {results.experiments.map((experiment) => (
                <Experiment key={experiment.id} experiment={experiment} kind={kind.name} currency={results.currency} path={path} onStopped={stopped} />
              ))}
            </>
          )
        }
      </Loading>
    </section>
  );
}

function Experiment(props: { experiment: ExperimentReport; kind: OutreachKindName; currency?: string; path: string; onStopped(): void }) {
  const { experiment } = props;
  const heading = `experiment-${experiment.id}`;
  const varies = experiment.varies.map((part) => partNames[part]).join(', ');
  return (
    <section class="card experiment" aria-labelledby={heading}>
      <h3 id={heading}>{experiment.question ?? experiment.id}</h3>
      <p class="muted">
        Experiment <code>{experiment.id}</code> varies {varies || 'nothing yet (every arm runs the script as written)'}; the control is {experiment.control}.
      </p>
      <ArmsTable experiment={experiment} kind={props.kind} stopPath={(arm) => `${props.path}/${encodeURIComponent(experiment.id)}/arms/${encodeURIComponent(arm)}/stop`} onStopped={props.onStopped} />
      <MetricsTable experiment={experiment} currency={props.currency} />
      <Comparisons experiment={experiment} />
    </section>
  );
}
