import type { HttpEnv, Logger, Metrics } from '@contextflow/core-infra';
import type { Context } from 'hono';

/** Writes the access log line (and the duration histogram's sample) of a request that started at `started`. */
export type AccessLog = (c: Context<HttpEnv>, started: number) => void;

/**
 * One log line per request: method, route pattern (not the raw path, so ids stay out and cardinality stays
 * low), status, duration and request id; never headers or bodies. The same duration goes to the request
 * duration histogram when `metrics` is given.
 */
export function accessLog(logger: Logger, metrics?: Metrics): AccessLog {
  return (c, started) => {
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath;
    const status = c.res.status;
    metrics?.httpRequestDuration.observe({ method: c.req.method, route, status: String(status) }, seconds);
    logger.info(
      {
        method: c.req.method,
        route,
        status,
        durationMs: Math.round(seconds * 100_000) / 100,
        requestId: c.get('requestId'),
      },
      'request',
    );
  };
}
