import { setHandler } from '@temporalio/workflow';
import { campaignUpdatedSignal, smsDeliveryStatusSignal } from './outreach.messages';
import type { OutreachContext } from './outreach-context';

// The events every outreach workflow takes the same way: Twilio's delivery reports of its texts,
// and a new campaign (or survey) version, adopted on the next pass of its main loop.

export function registerOutreachSignals(ctx: OutreachContext): void {
  setHandler(smsDeliveryStatusSignal, (status) => {
    ctx.deliveries.set(status.attemptKey, status);
    ctx.changes.touched();
  });
  setHandler(campaignUpdatedSignal, ({ version }) => {
    ctx.pendingCampaignVersion = Math.max(ctx.pendingCampaignVersion, version);
    ctx.changes.touched();
  });
}
