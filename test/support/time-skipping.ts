import { TestWorkflowEnvironment } from '@temporalio/testing';
import { toolPath } from '../../src/dev/child-process';
import { createLogger } from '../../src/logging/logger';
import { installTemporalRuntimeLogger } from '../../src/logging/temporal-runtime-logger';

/**
 * Temporal's Java time-skipping test server, resolved from Maven Central by scripts/setup.sh
 * (the SDK's own download of it needs the internet). Timers fire as soon as nothing else is
 * running, so multi-day cadences run in seconds with their real durations.
 */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  // The SDK's runtime logs to stderr by default; route it through ours at the test log level.
  installTemporalRuntimeLogger(createLogger(process.env.LOG_LEVEL ?? 'warn', { pretty: false }));
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: toolPath('temporal-test-server') } },
  });
}
