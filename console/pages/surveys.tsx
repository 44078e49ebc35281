import { surveyKind } from '../outreach/kinds';
import { OutreachList } from '../outreach/OutreachList';

export function SurveysPage(_props: { params: Record<string, string> }) {
  return <OutreachList kind={surveyKind} heading="Surveys" />;
}
