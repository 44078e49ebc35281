import { campaignKind } from '../outreach/kinds';
import { OutreachOverview } from '../outreach/OutreachOverview';

export function CampaignPage(props: { params: Record<string, string> }) {
  const id = props.params.campaignId!;
  return <OutreachOverview key={id} kind={campaignKind} id={id} />;
}
