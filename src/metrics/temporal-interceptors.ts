import type { WorkflowClientInterceptor } from '@temporalio/client';
import { CancelledFailure, CompleteAsyncError } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { ServiceMetrics } from './service-metrics';

// The service's own view of Temporal: the workflows it starts (through its client) and the
// activities its workers run. The SDK's runtime metrics (temporal-runtime-metrics.ts) count the
// rest: polls, task slots, schedule-to-start latency, workflows completed by type.

/** Counts each workflow the client starts, by type; a start refused (already running) is not counted. */
export function workflowStartsInterceptor(metrics: ServiceMetrics): WorkflowClientInterceptor {
  return {
    async startWithDetails(input, next) {
      const started = await next(input);
      metrics.workflowStarts.inc({ workflow_type: input.workflowType });
      return started;
    },
  };
}

/** Times each activity execution on this worker, by type and outcome. */
export function activityMetricsInterceptor(metrics: ServiceMetrics): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const stop = metrics.activityDuration.startTimer({ activity_type: ctx.info.activityType });
        try {
          const result = await next(input);
          stop({ outcome: 'completed' });
          return result;
        } catch (err) {
          stop({ outcome: outcomeOf(err, ctx.cancellationSignal.aborted) });
          throw err;
        }
      },
    },
  });
}

function outcomeOf(err: unknown, cancelled: boolean): 'async' | 'cancelled' | 'failed' {
  // placeCall completes later, when Twilio's final status callback arrives (call.activities.ts).
  if (err instanceof CompleteAsyncError) return 'async';
  return cancelled || err instanceof CancelledFailure ? 'cancelled' : 'failed';
}
