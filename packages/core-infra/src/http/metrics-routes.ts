import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Metrics } from '../observability/metrics.js';
import type { HttpEnv } from './http-env.js';

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics of this process',
  responses: {
    200: {
      description: 'The Prometheus text exposition format.',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});

/** `GET /metrics`: the process's metrics in the Prometheus text format. */
export function metricsRoutes(metrics: Metrics) {
  const app = new OpenAPIHono<HttpEnv>();
  app.openapi(metricsRoute, async (c) => {
    const text = await metrics.render();
    return c.text(text, 200, { 'Content-Type': metrics.contentType });
  });
  return app;
}
