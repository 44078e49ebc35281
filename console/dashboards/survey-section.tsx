import { useMemo, useState } from 'preact/hooks';
import type { SurveysDashboard } from '../../src/kpi/dashboard-views';
import { LineChart } from '../charts/line-chart';
import { ExperimentsSection } from '../experiments/experiments-section';
import { surveyKind } from '../outreach/kinds';
import { Loading, useApi } from '../ui';
import { readerTimeZone } from './collection-filters';
import { percentOrDash } from './kpi-format';

// The surveys' figures for the same date range: response and completion, drop-off per question
// and the NPS trend of one survey, picked from those with figures in the range, then that survey's
// script experiments, read-only.

export function surveysPath(range: { from: string; to: string; bucket: string }, surveyId: string): string {
  return `/dashboards/surveys?${new URLSearchParams({ ...range, timeZone: readerTimeZone, ...(surveyId ? { surveyId } : {}) })}`;
}

const nps = (value: number | null) => (value === null ? '—' : value.toFixed(0));

export function SurveySection(props: { range: { from: string; to: string; bucket: 'day' | 'week' } }) {
  const [surveyId, setSurveyId] = useState('');
  const loaded = useApi<SurveysDashboard>(surveysPath(props.range, surveyId));
  const shown = loaded.data?.surveyId;
  return (
    <>
      <section aria-labelledby="survey-figures">
        <h2 id="survey-figures">Surveys</h2>
        <Loading loaded={loaded}>
          {(dashboard) =>
            dashboard.surveyId === null ? (
              <p class="muted">No survey has figures in this range.</p>
            ) : (
              <>
                <label class="survey-pick">
                  Survey
                  <select value={dashboard.surveyId} onChange={(event) => setSurveyId(event.currentTarget.value)}>
                    {dashboard.surveyIds.map((id) => (
                      <option value={id} key={id}>
                        {id}
                      </option>
                    ))}
                  </select>
                </label>
                <SurveyFigures dashboard={dashboard} bucket={props.range.bucket} />
              </>
            )
          }
        </Loading>
      </section>
      {shown && <ExperimentsSection key={shown} kind={surveyKind} id={shown} />}
    </>
  );
}

function SurveyFigures(props: { dashboard: SurveysDashboard; bucket: 'day' | 'week' }) {
  const { dashboard } = props;
  const { kpis, facts } = dashboard.overall;
  const labels = useMemo(() => dashboard.buckets.map((b) => b.bucket), [dashboard]);
  const trend = useMemo(() => [{ name: 'NPS', values: dashboard.buckets.map((b) => b.groups[0]?.kpis.nps ?? null) }], [dashboard]);
  const wording = (id: string) => {
    const text = dashboard.questions.find((q) => q.id === id)?.text ?? {};
    return text.en ?? Object.values(text)[0] ?? id;
  };
  return (
    <>
      <dl class="kpi-tiles" aria-label="Survey KPIs">
        <div class="kpi-tile">
          <dt>Response rate</dt>
          <dd>{percentOrDash(kpis.responseRate)}</dd>
        </div>
        <div class="kpi-tile">
          <dt>Completion rate</dt>
          <dd>{percentOrDash(kpis.completionRate)}</dd>
        </div>
        <div class="kpi-tile">
          <dt>NPS</dt>
          <dd>{nps(kpis.nps)}</dd>
        </div>
        <div class="kpi-tile">
          <dt>Invited · started · finished</dt>
          <dd>
            {facts.invited} · {facts.started} · {facts.completed}
          </dd>
        </div>
      </dl>
      <div class="survey-parts">
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Drop-off per question, scrolls sideways">
          <table>
            <caption>Drop-off per question</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col" class="num">
                  Reached
                </th>
                <th scope="col" class="num">
                  Dropped off
                </th>
                <th scope="col" class="num">
                  Drop-off rate
                </th>
              </tr>
            </thead>
            <tbody>
              {kpis.dropOff.map((q) => (
                <tr key={q.questionId}>
                  <th scope="row">{wording(q.questionId)}</th>
                  <td class="num">{q.reached}</td>
                  <td class="num">{q.droppedOff}</td>
                  <td class="num">{percentOrDash(q.dropOffRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section class="card" aria-label="NPS over time">
          <h3>NPS trend</h3>
          <LineChart label={`NPS per ${props.bucket}`} labels={labels} series={trend} category={props.bucket === 'week' ? 'Week of' : 'Day'} format={(v) => v.toFixed(0)} />
        </section>
      </div>
    </>
  );
}
