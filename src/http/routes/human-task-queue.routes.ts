import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { parseRequest } from '../request-input';
import { principalOf } from '../access/auth-guard';
import { listHumanTasks } from '../../use-cases/human-task-queue';
import { claimHumanTask, releaseHumanTask } from '../../use-cases/human-task-claims';

export const humanTaskQueueQuery = z.strictObject({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(1000).optional().describe('The `next` of the previous page'),
});

export const queuedTaskParams = z.strictObject({ taskId: z.string().min(1).max(300).describe('The task id (URL-encoded)') });

/** The agents' queue: the open tasks oldest first, and an agent's claim on one. */
export async function humanTaskQueueRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/human-tasks', async (request) => listHumanTasks(deps, parseRequest(humanTaskQueueQuery, request.query)));
  app.post('/human-tasks/:taskId/claim', async (request) => claimHumanTask(deps, parseRequest(queuedTaskParams, request.params).taskId, principalOf(request)));
  app.post('/human-tasks/:taskId/release', async (request) => releaseHumanTask(deps, parseRequest(queuedTaskParams, request.params).taskId, principalOf(request)));
}
