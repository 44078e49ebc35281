import type { NewHumanTask, Repositories } from '../src/adapters/mongo/repositories';
import type { ContactPermissions } from '../src/policy/consent-ledger';
import { redactSensitive, redactStrings } from '../src/policy/redaction';
import { auditedData, type AuditContent } from '../src/audit/audit-entry';
import { createKpiRollup } from './kpi-rollup';

// The debtor workflow's bookkeeping: audit log, status mirror, consent ledger reads, human tasks.
// Every write is keyed, so a retry after a crash adds nothing twice.

export interface DebtorSnapshot {
  workflowId: string;
  status: string;
  balanceMinor: number;
  nextContactAt?: number;
  nextContactReason?: string;
}

export function createRecordActivities(deps: { repositories: Pick<Repositories, 'audit' | 'debtors' | 'consent' | 'humanTasks' | 'campaigns' | 'kpiRollups'> }) {
  const { audit, debtors, consent, humanTasks, campaigns } = deps.repositories;
  const kpis = createKpiRollup(deps.repositories);
  return {
    /** The entry, once; an entry this call stored adds to the KPI rollups (activities/kpi-rollup.ts). */
    async recordAudit(input: AuditContent): Promise<void> {
      const content = { ...input, data: auditedData(input.data) };
      if (await audit.append(content)) await kpis.auditEntry(content, new Date());
    },

    async saveDebtorSnapshot(snapshot: DebtorSnapshot): Promise<void> {
      await debtors.saveStatus(snapshot);
    },

    /**
     * What the consent ledger allows for this number, and (given the campaign) whether the campaign
     * is paused and by whom: its broadcast may not have reached this account yet, but its flag is already set.
     */
    async contactPermissions(input: { phone: string; campaignId?: string }): Promise<ContactPermissions & { campaignPaused?: boolean; campaignPausedBy?: string }> {
      const { permissions } = await consent.ledger(input.phone);
      if (input.campaignId === undefined) return permissions;
      const { paused, pausedBy } = await campaigns.pauseOf(input.campaignId);
      return { ...permissions, campaignPaused: paused, ...(paused && pausedBy ? { campaignPausedBy: pausedBy } : {}) };
    },

    async openHumanTask(input: NewHumanTask): Promise<void> {
      const transcript = input.transcript?.map((turn) => ({ heard: redactSensitive(turn.heard), said: redactSensitive(turn.said) }));
      await humanTasks.open({ ...input, summary: redactSensitive(input.summary), ...(transcript ? { transcript } : {}) });
    },

    /** What a still-open task is about, once more is known (the call it came from has ended). */
    async updateHumanTask(input: { taskId: string; reason: string; summary: string }): Promise<void> {
      await humanTasks.describe(input.taskId, { reason: input.reason, summary: redactSensitive(input.summary) });
    },

    async closeHumanTask(input: { taskId: string; resolution: unknown }): Promise<void> {
      await humanTasks.resolve(input.taskId, redactStrings(input.resolution));
    },
  };
}
