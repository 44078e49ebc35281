export function SurveysPage(_props: { params: Record<string, string> }) {
  return <h1>TODO SurveysPage</h1>;
}
