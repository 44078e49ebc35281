import type { NewSurveyAnswer, Repositories, RollupKey } from '../src/adapters/mongo/repositories';
import type { AccountDimensions } from '../src/adapters/mongo/repositories/kpi-rollup.repository';
import type { AuditContent } from '../src/audit/audit-entry';
import { answerFactsOf, collectionFactsOf, surveyFactsOf, type AuditedEvent } from '../src/kpi/kpi-facts';

// The KPI rollups, added to beside the writes that record their facts: an audit entry or a survey
// answer that was just stored (not one a retried activity found stored already) adds its counts
// to its hour's counters. A worker that dies between the write and the increment loses that
// increment: a dashboard may read one fact short, never one counted twice.

type RollupRepositories = Pick<Repositories, 'kpiRollups' | 'debtors' | 'campaigns'>;

/** Respondent workflows' ids begin so (src/temporal/respondent-gateway.ts); debtor workflows' with 'debtor/'. */
const isRespondent = (workflowId: string) => workflowId.startsWith('respondent/');
const anyDimension = 'all';

export function createKpiRollup(repositories: RollupRepositories) {
  const { kpiRollups, debtors, campaigns } = repositories;
  /** Survey versions never change once written, so their question types are read once per worker. */
  const questionTypes = new Map<string, Promise<Map<string, string>>>();

  const typesOf = (surveyId: string, version: number) => {
    const key = `${surveyId}@${version}`;
    if (!questionTypes.has(key)) {
      const read = campaigns.version(surveyId, version).then((doc) => {
        const questions = (doc?.document as { questions?: Array<{ id: string; type: string }> } | undefined)?.questions ?? [];
        return new Map(questions.map((q) => [q.id, q.type]));
      });
      read.catch(() => questionTypes.delete(key));
      questionTypes.set(key, read);
    }
    return questionTypes.get(key)!;
  };

  /** The account's dimensions, noted when its work began; an account whose start is not counted yet falls under 'unknown'. */
  const dimensionsOf = async (entry: AuditContent): Promise<AccountDimensions> => {
    if (entry.type === 'started') {
      const debtor = await debtors.byWorkflowId(entry.workflowId);
      const dimensions = {
        strategy: String(entry.data.strategy ?? 'unknown'),
        segment: typeof entry.data.segmentId === 'string' ? entry.data.segmentId : 'default',
        language: debtor?.language ?? 'unknown',
      };
      await kpiRollups.noteAccount(entry.workflowId, dimensions);
      return dimensions;
    }
    const noted = await kpiRollups.accountOf(entry.workflowId);
    if (noted) return { strategy: noted.strategy, segment: noted.segment, language: noted.language };
    return { strategy: 'unknown', segment: 'unknown', language: (await debtors.byWorkflowId(entry.workflowId))?.language ?? 'unknown' };
  };

  const surveyKey = (surveyId: string, version: number, at: number): RollupKey => ({
    scope: 'survey',
    campaignId: surveyId,
    campaignVersion: version,
    at,
    strategy: anyDimension,
    segment: anyDimension,
    language: anyDimension,
    channel: anyDimension,
  });

  return {
    /** Adds what a just-stored audit entry counts for. */
    async auditEntry(entry: AuditContent, storedAt: Date): Promise<void> {
      const event: AuditedEvent = { type: entry.type, data: entry.data, occurredAt: entry.occurredAt === undefined ? storedAt.getTime() : new Date(entry.occurredAt).getTime() };
      if (isRespondent(entry.workflowId)) {
        const counts = surveyFactsOf(event);
        if (counts) await kpiRollups.add(surveyKey(entry.campaignId, entry.campaignVersion, event.occurredAt), counts);
        return;
      }
      const facts = collectionFactsOf(event);
      if (facts.length === 0) return;
      const dimensions = await dimensionsOf(entry);
      for (const { at, channel, counts } of facts) {
        await kpiRollups.add({ scope: 'collections', campaignId: entry.campaignId, campaignVersion: entry.campaignVersion, at, channel, ...dimensions }, counts);
      }
    },

    /** Adds what a just-stored survey answer counts for: the question reached, an NPS score. */
    async surveyAnswer(answer: NewSurveyAnswer): Promise<void> {
      const earlier = Number(answer.answerKey.split('#').at(-1));
      const type = (await typesOf(answer.surveyId, answer.surveyVersion)).get(answer.questionId);
      const counts = answerFactsOf({ questionId: answer.questionId, part: answer.part, value: answer.value, earlier }, type);
      if (counts) await kpiRollups.add(surveyKey(answer.surveyId, answer.surveyVersion, answer.answeredAt), counts);
    },
  };
}
