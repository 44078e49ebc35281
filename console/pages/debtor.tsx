export function DebtorPage(_props: { params: Record<string, string> }) {
  return <h1>TODO DebtorPage</h1>;
}
