export function RespondentPage(_props: { params: Record<string, string> }) {
  return <h1>TODO RespondentPage</h1>;
}
