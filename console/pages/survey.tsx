export function SurveyPage(_props: { params: Record<string, string> }) {
  return <h1>TODO SurveyPage</h1>;
}
