import { defineQuery, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { SelfCheckRecord } from '../activities/self-check.activities';

// `parley doctor` runs this to prove the whole chain works: client -> server -> worker ->
// activity -> database, and back through a query.

export type SelfCheckStatus = { stage: 'writing' } | { stage: 'written'; record: SelfCheckRecord };
export const selfCheckStatusQuery = defineQuery<SelfCheckStatus>('selfCheckStatus');

const { recordSelfCheck } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '1 second', backoffCoefficient: 2 },
});

export async function selfCheckWorkflow(input: { checkId: string; requestedBy: string }): Promise<SelfCheckRecord> {
  let status: SelfCheckStatus = { stage: 'writing' };
  setHandler(selfCheckStatusQuery, () => status);
  const record = await recordSelfCheck({ ...input, workflowId: workflowInfo().workflowId });
  status = { stage: 'written', record };
  return record;
}
