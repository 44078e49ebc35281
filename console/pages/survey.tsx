import { Link } from '../router';
import { surveyKind } from '../outreach/kinds';
import { OutreachOverview } from '../outreach/OutreachOverview';

export function SurveyPage(props: { params: Record<string, string> }) {
  const id = props.params.surveyId!;
  const links = (
    <p>
      <Link href={`/console/surveys/${encodeURIComponent(id)}/results`}>Results: answers, completion and drop-off</Link>
    </p>
  );
  return <OutreachOverview key={id} kind={surveyKind} id={id} links={links} />;
}
