import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import type { HttpEnv } from './http-env.js';

/**
 * One log line per request: method, route pattern (not the raw path, so ids stay out and cardinality stays
 * low), status, duration and request id. Never headers or bodies.
 */
export function accessLog(logger: Logger): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        requestId: c.get('requestId'),
      },
      'request',
    );
  };
}
