import { AppError } from '@contextflow/core';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Logger } from '../logger.js';
import type { HttpEnv } from './http-env.js';
import { problemResponses } from './openapi-responses.js';
import type { ReadinessCheck } from './readiness-check.js';

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
const ok = { description: 'Healthy.', content: { 'application/json': { schema: HealthSchema } } };

const live = createRoute({
  method: 'get',
  path: '/health/live',
  tags: ['operations'],
  responses: { 200: ok },
});
const ready = createRoute({
  method: 'get',
  path: '/health/ready',
  tags: ['operations'],
  summary: 'Whether every dependency answers',
  responses: { 200: ok, ...problemResponses(503) },
});

async function withTimeout(check: ReadinessCheck, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([check.check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /health/live` (the process answers) and `GET /health/ready` (every check passes within its timeout). */
export function healthRoutes(checks: readonly ReadinessCheck[], logger: Logger, timeoutMs = 3000) {
  const app = new OpenAPIHono<HttpEnv>();
  app.openapi(live, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(ready, async (c) => {
    const results = await Promise.allSettled(checks.map((check) => withTimeout(check, timeoutMs)));
    const failed = checks.filter((_, i) => results[i]?.status === 'rejected').map((check) => check.name);
    if (failed.length > 0) {
      logger.warn(
        { failed, reasons: results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : [])) },
        'not ready',
      );
      throw new AppError('unavailable', 'health.not_ready', `Not ready: ${failed.join(', ')}.`, {
        retryAfterSeconds: 5,
      });
    }
    return c.json({ status: 'ok' as const }, 200);
  });
  return app;
}
