import type { CallTurnRecord } from '../../activities/call.activities';
import type { ServiceMetrics } from './service-metrics';

/**
 * One call turn as its record is stored (the call workflow writes its turns through an activity):
 * how long the caller waited for the reply, and why the rule engine answered when the LLM was
 * asked, and which FAQ entries were answered without it. A schema refusal names its field (`malformed-turn:reply`); the reason keeps its kind only.
 */
export function observeCallTurn(metrics: ServiceMetrics, turn: Pick<CallTurnRecord, 'engine' | 'violations' | 'latencyMs' | 'faq'>): void {
  const total = turn.latencyMs.total;
  if (total !== undefined) metrics.turnDuration.observe({ engine: turn.engine }, total / 1000);
  if (turn.faq) metrics.faqAnswers.inc({ faq_id: turn.faq.id, language: turn.faq.language });
  if (turn.engine !== 'rules-fallback') return;
  const reasons = new Set(turn.violations.map((violation) => violation.split(':')[0]!));
  for (const reason of reasons.size > 0 ? reasons : ['refused']) metrics.llmFallbacks.inc({ reason });
}
