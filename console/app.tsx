import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api';
import { base, Link, match, navigate, usePath } from './router';
import { SessionContext, type Session } from './session';
import { allows, type Access } from '../src/auth/roles';
import { SignInPage } from './pages/sign-in';
import { LivePage } from './pages/live';
import { QueuePage } from './pages/queue';
import { CampaignsPage } from './pages/campaigns';
import { CampaignPage } from './pages/campaign';
import { DebtorPage } from './pages/debtor';
import { SurveysPage } from './pages/surveys';
import { SurveyPage } from './pages/survey';
import { SurveyResultsPage } from './pages/survey-results';
import { RespondentPage } from './pages/respondent';
import { DashboardsPage } from './pages/dashboards';
import { describe, Problem } from './ui';

interface View {
  pattern: string;
  title: string;
  page: FunctionComponent<{ params: Record<string, string> }>;
  /** Shown in the navigation, to those whose role may use it. */
  nav?: Access;
}

const views: View[] = [
  { pattern: '/live', title: 'Live', page: LivePage, nav: 'read' },
  { pattern: '/queue', title: "Agents' queue", page: QueuePage, nav: 'agent' },
  { pattern: '/campaigns', title: 'Campaigns', page: CampaignsPage, nav: 'read' },
  { pattern: '/campaigns/:campaignId', title: 'Campaign', page: CampaignPage },
  { pattern: '/campaigns/:campaignId/debtors/:accountRef', title: 'Debtor', page: DebtorPage },
  { pattern: '/surveys', title: 'Surveys', page: SurveysPage, nav: 'read' },
  { pattern: '/surveys/:surveyId', title: 'Survey', page: SurveyPage },
  { pattern: '/surveys/:surveyId/results', title: 'Survey results', page: SurveyResultsPage },
  { pattern: '/surveys/:surveyId/respondents/:respondentRef', title: 'Respondent', page: RespondentPage },
  { pattern: '/dashboards', title: 'Dashboards', page: DashboardsPage, nav: 'read' },
];

export function App() {
  const [session, setSession] = useState<Session | null>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    api<Session>('GET', '/console/session').then(setSession, (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) setSession(null);
      else setProblem(describe(err));
    });
  }, []);
  if (problem) return <Problem message={problem} />;
  if (session === undefined) return <p>Loading…</p>;
  if (session === null) return <SignInPage onSignedIn={setSession} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} onSignedOut={() => setSession(null)} />
    </SessionContext.Provider>
  );
}

function Shell(props: { session: Session; onSignedOut(): void }) {
  const path = usePath();
  const inner = path.slice(base.length) || '/';
  useEffect(() => {
    if (inner === '/' || inner === '') navigate(`${base}/live`);
  }, [inner]);
  const found = views.map((view) => ({ view, params: match(view.pattern, inner) })).find((v) => v.params);
  useEffect(() => {
    document.title = `${found?.view.title ?? 'Not found'} · Parley console`;
  }, [found?.view.title]);
  const signOut = async () => {
    await api('POST', '/console/session/sign-out');
    props.onSignedOut();
  };
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong class="brand">Parley</strong>
        <nav aria-label="Console">
          {views
            .filter((v) => v.nav && allows(props.session.role, v.nav))
            .map((v) => (
              <Link key={v.pattern} href={`${base}${v.pattern}`} aria-current={inner.startsWith(v.pattern) ? 'page' : undefined}>
                {v.title}
              </Link>
            ))}
        </nav>
        <span class="who">
          {props.session.actor} <span class="role">{props.session.role}</span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {found ? <found.view.page params={found.params!} /> : <Problem message={`No page at ${path}.`} />}
      </main>
    </>
  );
}
