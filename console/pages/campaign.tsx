import { campaignKind } from '../outreach/kinds';
import { OutreachOverview } from '../outreach/OutreachOverview';

export function CampaignPage(props: { params: Record<string, string> }) {
  return <OutreachOverview key={props.params.campaignId} kind={campaignKind} id={props.params.campaignId!} />;
}
