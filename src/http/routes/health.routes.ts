import type { FastifyInstance } from 'fastify';

export interface ReadinessProbe {
  name: string;
  check(): Promise<void>;
}

/**
 * /healthz: the process answers. /readyz: every dependency answers; 503 otherwise, naming the
 * failing ones and their errors to a caller with credentials only (an error message can tell a
 * stranger a host name or a version).
 */
export async function healthRoutes(app: FastifyInstance, probes: ReadinessProbe[]): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const results = await Promise.all(
      probes.map(async (probe) => {
        try {
          await withTimeout(probe.check(), 3000);
          return [probe.name, { ok: true }] as const;
        } catch (err) {
          request.log.warn({ dependency: probe.name, err }, 'readiness check failed');
          return [probe.name, { ok: false, error: err instanceof Error ? err.message : String(err) }] as const;
        }
      }),
    );
    const ready = results.every(([, r]) => r.ok);
    const status = ready ? 'ready' : 'unavailable';
    return reply.code(ready ? 200 : 503).send(request.principal ? { status, dependencies: Object.fromEntries(results) } : { status });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
