export function CampaignPage(_props: { params: Record<string, string> }) {
  return <h1>TODO CampaignPage</h1>;
}
