export function CampaignsPage(_props: { params: Record<string, string> }) {
  return <h1>TODO CampaignsPage</h1>;
}
