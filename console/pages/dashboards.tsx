export function DashboardsPage(_props: { params: Record<string, string> }) {
  return <h1>TODO DashboardsPage</h1>;
}
