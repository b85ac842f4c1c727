import type { HttpEnv, Metrics } from '@contextflow/core-infra';
import { OpenAPIHono } from '@hono/zod-openapi';

/**
 * `GET /metrics`: the process's metrics in the Prometheus text format. Left out of the OpenAPI document on
 * purpose: it is for the scraper, not for API clients, and the document stays the same with or without it.
 */
export function metricsRoutes(metrics: Metrics) {
  const app = new OpenAPIHono<HttpEnv>();
  app.get('/metrics', async (c) =>
    c.text(await metrics.render(), 200, { 'Content-Type': metrics.contentType }),
  );
  return app;
}
