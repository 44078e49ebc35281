import type { GroupResults, QuestionResults, SurveyResults } from '../../src/surveys/results/aggregate-results';
import type { QuestionStats, TextEntry } from '../../src/surveys/results/question-stats';
import { BarChart } from '../charts/bar-chart';
import { base, Link } from '../router';
import { Loading, percent, useApi, when } from '../ui';
import './survey-results.css';

// A survey's results as GET /surveys/:surveyId/results gives them (every version's respondents,
// read against the latest version's questions): how many started and finished, the NPS, where
// respondents stopped, and how each question was answered. Reading only: nothing here acts.

type Results = SurveyResults & { version: number };

/** Free-text answers listed per question: the page is an overview; the export has them all. */
const TEXTS_SHOWN = 10;
/** Answer labels longer than this get a row each (bars across): under a column they would overlap or be skipped. */
const LONG_LABEL = 8;

export function SurveyResultsPage(props: { params: Record<string, string> }) {
  const { surveyId } = props.params;
  const loaded = useApi<Results>(`/surveys/${encodeURIComponent(surveyId!)}/results`);
  return <Loading loaded={loaded}>{(results) => <ResultsOf results={results} />}</Loading>;
}

function ResultsOf({ results }: { results: Results }) {
  const { overall } = results.all;
  const nps = overall.questions.find((question) => question.stats.type === 'nps');
  return (
    <>
      <p class="crumbs">
        <Link href={`${base}/surveys/${encodeURIComponent(results.surveyId)}`}>{results.name}</Link>
      </p>
      <h1>Results: {results.name}</h1>
      <p class="muted">
        Every version's respondents ({versionsOf(results)}), read against version {results.version}'s questions. A respondent still answering counts as stopped
        where they are.
      </p>
      <Completion group={overall} />
      {nps?.stats.type === 'nps' && <Nps stats={nps.stats} />}
      <DropOff group={overall} />
      <h2>Answers per question</h2>
      <div class="question-results">
        {overall.questions.map((question, index) => (
          <QuestionCard key={question.id} question={question} number={index + 1} surveyId={results.surveyId} />
        ))}
      </div>
    </>
  );
}

function versionsOf(results: Results): string {
  if (results.versions.length === 0) return 'none yet';
  return results.versions.map(({ version, overall }) => `v${version}: ${overall.invited} invited`).join(', ');
}

function Completion({ group }: { group: GroupResults }) {
  return (
    <section aria-labelledby="completion">
      <h2 id="completion">Completion</h2>
      <Figures
        figures={[
          ['Invited', String(group.invited)],
          ['Started', String(group.started)],
          ['Completed', String(group.finished)],
          ['Completion rate', percent(group.completionRate)],
          ['Response rate', percent(group.responseRate)],
        ]}
      />
    </section>
  );
}

type NpsStats = Extract<QuestionStats, { type: 'nps' }>;

function Nps({ stats }: { stats: NpsStats }) {
  // The metric's own bands: promoters score 9 or 10, passives 7 or 8, detractors 0 to 6.
  const bands = [
    ['Promoters (9–10)', stats.promoters],
    ['Passives (7–8)', stats.passives],
    ['Detractors (0–6)', stats.detractors],
  ] as const;
  return (
    <section aria-labelledby="nps">
      <h2 id="nps">Net Promoter Score</h2>
      <div class="nps">
        <Figures figures={[['NPS', npsScore(stats.score)], ...bands.map(([name, count]) => [name, String(count)] as [string, string])]} />
        <BarChart
          label="Respondents per NPS band"
          category="Band"
          labels={bands.map(([name]) => name)}
          series={[{ name: 'Respondents', values: bands.map(([, count]) => count) }]}
          horizontal
        />
      </div>
    </section>
  );
}

function DropOff({ group }: { group: GroupResults }) {
  const { questions } = group;
  return (
    <section aria-labelledby="drop-off">
      <h2 id="drop-off">Drop-off per question</h2>
      <p class="muted">How many of the {group.started} who started reached each question, and how many stopped there.</p>
      <BarChart
        label="Respondents who reached each question and who stopped there"
        category="Question"
        labels={questions.map((question, index) => `${index + 1}. ${question.id}`)}
        series={[
          { name: 'Reached', values: questions.map((question) => question.reached) },
          { name: 'Stopped here', values: questions.map((question) => question.droppedOff) },
        ]}
        horizontal
        showTable
      />
    </section>
  );
}

function QuestionCard(props: { question: QuestionResults; number: number; surveyId: string }) {
  const { question, number } = props;
  const heading = `q-${question.id}`;
  return (
    <section class="card" aria-labelledby={heading}>
      <h3 id={heading}>
        {number}. {question.text} <span class="kind">{question.type}</span>
      </h3>
      <p class="muted">
        {question.reached} reached, {question.answered} answered, {question.droppedOff} stopped here ({percent(question.dropOffRate)} drop-off)
        {question.medianMs === null ? '' : `, median ${(question.medianMs / 1000).toFixed(1)} s to answer`}
      </p>
      <Distribution question={question} surveyId={props.surveyId} />
      {question.probes.length > 0 && <Texts title="Replies to the follow-up" entries={question.probes} surveyId={props.surveyId} />}
    </section>
  );
}

function Distribution({ question, surveyId }: { question: QuestionResults; surveyId: string }) {
  const { stats } = question;
  const label = `Answers to ${question.id}`;
  switch (stats.type) {
    case 'nps':
    case 'rating':
    case 'yes-no':
    case 'single-choice':
    case 'multiple-choice':
      return (
        <>
          {stats.type === 'nps' && <p>NPS {npsScore(stats.score)}</p>}
          {stats.type === 'rating' && <p>Mean {decimal(stats.mean)}</p>}
          <BarChart
            label={label}
            category="Answer"
            labels={stats.bars.map((bar) => bar.label)}
            series={[{ name: 'Answers', values: stats.bars.map((bar) => bar.count) }]}
            horizontal={stats.bars.some((bar) => bar.label.length > LONG_LABEL)}
          />
        </>
      );
    case 'date':
      return <BarChart label={label} category="Date" labels={stats.byDate.map((day) => day.date)} series={[{ name: 'Answers', values: stats.byDate.map((day) => day.count) }]} />;
    case 'number':
      return (
        <Figures
          figures={[
            ['Mean', decimal(stats.mean)],
            ['Median', decimal(stats.median)],
            ['Lowest', decimal(stats.min)],
            ['Highest', decimal(stats.max)],
          ]}
        />
      );
    case 'free-text':
      return <Texts title="Written answers" entries={stats.entries} surveyId={surveyId} />;
  }
}

/** Named figures, each a term and its value: the page's headline numbers. */
function Figures(props: { figures: [string, string][] }) {
  return (
    <dl class="figures">
      {props.figures.map(([name, value]) => (
        <div class="counter" key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Texts(props: { title: string; entries: TextEntry[]; surveyId: string }) {
  const shown = props.entries.slice(0, TEXTS_SHOWN);
  const respondents = `${base}/surveys/${encodeURIComponent(props.surveyId)}/respondents`;
  return (
    <>
      <h4>
        {props.title} ({props.entries.length})
      </h4>
      {shown.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="texts">
          {shown.map((entry) => (
            <li key={`${entry.respondentId}-${entry.answeredAt}`}>
              “{entry.text}” <Link href={`${respondents}/${encodeURIComponent(entry.respondentId)}`}>{entry.respondentId}</Link>{' '}
              <span class="muted">{when(new Date(entry.answeredAt).toISOString())}</span>
            </li>
          ))}
        </ul>
      )}
      {props.entries.length > shown.length && <p class="muted">And {props.entries.length - shown.length} more in the export.</p>}
    </>
  );
}

function npsScore(score: number | null): string {
  if (score === null) return '—';
  const rounded = Math.round(score);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

function decimal(value: number | null): string {
  return value === null ? '—' : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}
