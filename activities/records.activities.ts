import type { Models } from '../src/adapters/mongo/models';
import { foldConsentEvents, type ContactPermissions } from '../src/policy/consent-ledger';
import { redactSensitive } from '../src/policy/redaction';

// The debtor workflow's bookkeeping: audit log, status mirror, consent ledger reads, human tasks.
// Every write is keyed, so a retry after a crash adds nothing twice.

export interface AuditInput {
  eventKey: string;
  workflowId: string;
  campaignId: string;
  campaignVersion: number;
  type: string;
  data: Record<string, unknown>;
}

export interface DebtorSnapshot {
  workflowId: string;
  status: string;
  balanceMinor: number;
  nextContactAt?: number;
  nextContactReason?: string;
}

export function createRecordActivities(deps: { models: Pick<Models, 'auditEvents' | 'debtors' | 'consentEvents' | 'humanTasks' | 'campaigns'> }) {
  const { models } = deps;
  return {
    async recordAudit(input: AuditInput): Promise<void> {
      await models.auditEvents.updateOne(
        { eventKey: input.eventKey },
        { $setOnInsert: { ...input, at: new Date() } },
        { upsert: true },
      );
    },

    async saveDebtorSnapshot(snapshot: DebtorSnapshot): Promise<void> {
      await models.debtors.updateOne(
        { workflowId: snapshot.workflowId },
        {
          $set: {
            status: snapshot.status,
            balanceMinor: snapshot.balanceMinor,
            nextContactAt: snapshot.nextContactAt === undefined ? null : new Date(snapshot.nextContactAt),
            nextContactReason: snapshot.nextContactReason ?? null,
            updatedAt: new Date(),
          },
        },
      );
    },

    /**
     * What the consent ledger allows for this number, and (given the campaign) whether the campaign
     * is paused: its broadcast may not have reached this account yet, but its flag is already set.
     */
    async contactPermissions(input: { phone: string; campaignId?: string }): Promise<ContactPermissions & { campaignPaused?: boolean }> {
      const events = await models.consentEvents.find({ phone: input.phone }).sort({ at: 1 }).lean();
      const permissions = foldConsentEvents(events.map((e) => ({ kind: e.kind, channel: e.channel, at: e.at })));
      if (input.campaignId === undefined) return permissions;
      const campaign = await models.campaigns.findOne({ campaignId: input.campaignId }).lean();
      return { ...permissions, campaignPaused: campaign?.paused === true };
    },

    async openHumanTask(input: {
      taskId: string;
      workflowId: string;
      campaignId: string;
      reason: string;
      summary: string;
      callWorkflowId?: string;
      transcript?: Array<{ heard: string; said: string }>;
    }): Promise<void> {
      const transcript = input.transcript?.map((turn) => ({ heard: redactSensitive(turn.heard), said: redactSensitive(turn.said) }));
      await models.humanTasks.updateOne(
        { taskId: input.taskId },
        { $setOnInsert: { ...input, summary: redactSensitive(input.summary), ...(transcript ? { transcript } : {}), status: 'open', openedAt: new Date() } },
        { upsert: true },
      );
    },

    /** What a still-open task is about, once more is known (the call it came from has ended). */
    async updateHumanTask(input: { taskId: string; reason: string; summary: string }): Promise<void> {
      await models.humanTasks.updateOne({ taskId: input.taskId, status: 'open' }, { $set: { reason: input.reason, summary: redactSensitive(input.summary) } });
    },

    async closeHumanTask(input: { taskId: string; resolution: unknown }): Promise<void> {
      await models.humanTasks.updateOne(
        { taskId: input.taskId, status: 'open' },
        { $set: { status: 'resolved', resolvedAt: new Date(), resolution: input.resolution } },
      );
    },
  };
}
