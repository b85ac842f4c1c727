import { AppError } from '@contextflow/core';
import { checkReadiness, type HttpEnv, type Logger, type ReadinessCheck } from '@contextflow/core-infra';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { problemResponses } from '../openapi/openapi-responses.js';

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
const ok = { description: 'Healthy.', content: { 'application/json': { schema: HealthSchema } } };

const live = createRoute({
  method: 'get',
  path: '/health/live',
  operationId: 'getLiveness',
  tags: ['operations'],
  summary: 'Whether the process answers',
  description:
    'Liveness: 200 as long as the process serves requests, whatever its dependencies do. An orchestrator ' +
    'restarts a process that stops answering it; it is not a reason to stop sending traffic (see readiness).',
  security: [],
  responses: { 200: ok, ...problemResponses(413) },
});
const ready = createRoute({
  method: 'get',
  path: '/health/ready',
  operationId: 'getReadiness',
  tags: ['operations'],
  summary: 'Whether every dependency answers',
  description:
    'Readiness: 200 when the database answers, its migrations are applied and the process is not shutting ' +
    'down; otherwise 503 with `Retry-After`, naming what failed. A load balancer sends traffic only while it ' +
    'is 200.',
  security: [],
  responses: { 200: ok, ...problemResponses(413, 503) },
});

/** `GET /health/live` (the process answers) and `GET /health/ready` (every check passes within its timeout). */
export function healthRoutes(checks: readonly ReadinessCheck[], logger: Logger, timeoutMs = 3000) {
  const app = new OpenAPIHono<HttpEnv>();
  app.openapi(live, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(ready, async (c) => {
    const { failed, reasons } = await checkReadiness(checks, timeoutMs);
    if (failed.length > 0) {
      logger.warn({ failed, reasons }, 'not ready');
      throw new AppError('unavailable', 'health.not_ready', `Not ready: ${failed.join(', ')}.`, {
        retryAfterSeconds: 5,
      });
    }
    return c.json({ status: 'ok' as const }, 200);
  });
  return app;
}
