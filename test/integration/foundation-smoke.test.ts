import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { TemporalGateway } from '../../src/temporal/gateway';
import { integrationConfig } from '../support/integration-env';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, authHeaders } from '../support/api-calls';

describe('the service on the real Temporal dev server and FerretDB', () => {
  let stack: CollectionsStack;
  let service: RunningService;

  beforeAll(async () => {
    stack = await startCollectionsStack('foundation-smoke');
    service = stack.service;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when a self-check runs, then its activity writes through mongoose and the query, the database and the history agree', async () => {
    const checkId = randomUUID();
    const result = await service.gateway.runSelfCheck(checkId, 'smoke-test');

    const status = await service.gateway.selfCheckStatus(checkId);
    expect(status).toEqual({ stage: 'written', record: result });

    const stored = await service.mongo.models.selfChecks.findOne({ checkId }).lean();
    expect(stored?.workflowId).toBe(TemporalGateway.selfCheckWorkflowId(checkId));
    expect(stored?.writtenAt.toISOString()).toBe(result.writtenAt);
    const raw = await service.mongo.connection.db!.collection('self_checks').countDocuments({ checkId });
    expect(raw).toBe(1);

    const history = await service.gateway.client.workflow.getHandle(result.workflowId).fetchHistory();
    const scheduled = history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? [];
    expect(scheduled.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)).toEqual(['recordSelfCheck']);
    expect(history.events?.some((e) => e.activityTaskCompletedEventAttributes)).toBe(true);
    expect(history.events?.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
  });

  it('when the same self-check activity runs twice, then one document exists (idempotent write)', async () => {
    const checkId = randomUUID();
    await service.gateway.runSelfCheck(checkId, 'first');
    const again = await service.gateway.client.workflow.start('selfCheckWorkflow', {
      workflowId: `${TemporalGateway.selfCheckWorkflowId(checkId)}-again`,
      taskQueue: stack.config.temporal.taskQueue,
      args: [{ checkId, requestedBy: 'second' }],
    });
    const second = await again.result();
    expect(second.requestedBy).toBe('first');
    expect(await service.mongo.models.selfChecks.countDocuments({ checkId })).toBe(1);
  });

  it('when both servers answer, then /healthz and /readyz say so over HTTP', async () => {
    const health = await fetch(`${service.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${service.httpUrl}/readyz`, { headers: authHeaders(service.httpUrl!) });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', dependencies: { temporal: { ok: true }, mongodb: { ok: true } } });
  });
});

describe('readiness when the database is gone', () => {
  it('when MongoDB cannot be reached, then /readyz answers 503 naming mongodb while /healthz stays 200', async () => {
    const service = await startService(integrationConfig('readiness'), createLogger('fatal', { pretty: false }), { api: true, worker: false });
    await apiKeyFor(service);
    try {
      // The key is checked once while the database answers; the service then trusts it for a while.
      expect((await fetch(`${service.httpUrl}/readyz`, { headers: authHeaders(service.httpUrl!) })).status).toBe(200);
      await service.mongo.connection.close();
      const ready = await fetch(`${service.httpUrl}/readyz`, { headers: authHeaders(service.httpUrl!) });
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', dependencies: { mongodb: { ok: false }, temporal: { ok: true } } });
      // A stranger learns that it is unavailable, not which dependency failed or why.
      const anonymous = await fetch(`${service.httpUrl}/readyz`);
      expect(anonymous.status).toBe(503);
      expect(await anonymous.json()).toEqual({ status: 'unavailable' });
      expect((await fetch(`${service.httpUrl}/healthz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});
