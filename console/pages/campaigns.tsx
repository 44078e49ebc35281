import { campaignKind } from '../outreach/kinds';
import { OutreachList } from '../outreach/OutreachList';

export function CampaignsPage(_props: { params: Record<string, string> }) {
  return <OutreachList kind={campaignKind} heading="Campaigns" />;
}
