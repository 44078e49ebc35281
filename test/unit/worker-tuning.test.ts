import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';
import { tuningOptions } from '../../src/temporal/worker';

describe('worker sizing from the configuration', () => {
  it('when nothing is set, then the workers get no sizing options and keep the SDK defaults', () => {
    expect(tuningOptions(loadConfig({}).worker)).toEqual({});
  });

  it('when sizes are set, then each reaches the worker option it names', () => {
    const config = loadConfig({
      WORKER_MAX_CACHED_WORKFLOWS: '5000',
      WORKER_WORKFLOW_TASK_SLOTS: '80',
      WORKER_ACTIVITY_SLOTS: '200',
      WORKER_LOCAL_ACTIVITY_SLOTS: '100',
      WORKER_WORKFLOW_POLLERS: '20',
      WORKER_ACTIVITY_POLLERS: '8',
      WORKER_EAGER_ACTIVITIES: '0',
    });
    expect(tuningOptions(config.worker)).toEqual({
      maxCachedWorkflows: 5000,
      maxConcurrentWorkflowTaskExecutions: 80,
      maxConcurrentActivityTaskExecutions: 200,
      maxConcurrentLocalActivityExecutions: 100,
      maxConcurrentWorkflowTaskPolls: 20,
      maxConcurrentActivityTaskPolls: 8,
      maxEagerActivityReservationsPerWorkflowTask: 0,
    });
  });

  it('when a size is below what Temporal accepts, then the configuration error names the key', () => {
    expect(() => loadConfig({ WORKER_WORKFLOW_TASK_SLOTS: '1', IMPORT_CONCURRENCY: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ WORKER_WORKFLOW_TASK_SLOTS: '1' })).toThrow(/WORKER_WORKFLOW_TASK_SLOTS/);
    expect(() => loadConfig({ IMPORT_CONCURRENCY: '0' })).toThrow(/IMPORT_CONCURRENCY/);
  });
});
