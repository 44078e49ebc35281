import type { VariedPart } from '../../src/campaigns/experiment-schema';
import type { CampaignExperiments, ExperimentReport } from '../../src/experiments/experiment-report';
import { documentPath, type OutreachKind, type OutreachKindName } from '../outreach/kinds';
import { Link } from '../router';
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
 * page is told (`onStopped`) to read its version history again. Without `onStopped` the section only
 * reads, whatever the role (the dashboards show it so), and links to the document's own page, where
 * arms are stopped.
 */
export function ExperimentsSection(props: { kind: OutreachKind; id: string; onStopped?(): void }) {
  const { kind, id, onStopped } = props;
  const path = documentPath(kind, id, '/experiments');
  const loaded = useApi<CampaignExperiments>(path);
  const stopped =
    onStopped &&
    (() => {
      loaded.reload();
      onStopped();
    });
  // The dashboards show a campaign's and a survey's sections on one page: their headings' ids differ.
  const heading = `${kind.name}-experiments-heading`;
  const none = stopped ? (
    <>
      No experiments are declared: they are added under <code>experiments:</code> in the {kind.name} document.
    </>
  ) : (
    `${kind.title} ${id} declares no experiments.`
  );
  const whereStopped = !stopped && (
    <>
      {' '}
      Arms are stopped on <Link href={`/console${documentPath(kind, id)}`}>{`${kind.name} ${id}'s page`}</Link>.
    </>
  );
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{stopped ? 'Experiments' : `Experiments of ${kind.name} ${id}`}</h2>
      <Loading loaded={loaded}>
        {(results) =>
          results.experiments.length === 0 ? (
            <p class="muted">{none}</p>
          ) : (
            <>
              <p class="muted">
                Read {when(results.asOf)}, {kind.name} version {results.version}. Each arm is set against its experiment's control; every figure has its 95% interval.
                {whereStopped}
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

function Experiment(props: { experiment: ExperimentReport; kind: OutreachKindName; currency?: string; path: string; onStopped?(): void }) {
  const { experiment, onStopped } = props;
  const heading = `${props.kind}-experiment-${experiment.id}`;
  const varies = experiment.varies.map((part) => partNames[part]).join(', ');
  const stopPath = (arm: string) => `${props.path}/${encodeURIComponent(experiment.id)}/arms/${encodeURIComponent(arm)}/stop`;
  return (
    <section class="card experiment" aria-labelledby={heading}>
      <h3 id={heading}>{experiment.question ?? experiment.id}</h3>
      <p class="muted">
        Experiment <code>{experiment.id}</code> varies {varies || 'nothing yet (every arm runs the script as written)'}; the control is {experiment.control}.
      </p>
      <ArmsTable experiment={experiment} stopping={onStopped && { kind: props.kind, path: stopPath, onStopped }} />
      <MetricsTable experiment={experiment} currency={props.currency} />
      <Comparisons experiment={experiment} />
    </section>
  );
}
