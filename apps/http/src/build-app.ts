import {
  type ContextModule,
  type HttpEnv,
  type Logger,
  Metrics,
  type ReadinessCheck,
} from '@contextflow/core-infra';
import { docsRoutes } from '@contextflow/http-docs';
import { CONTEXTFLOW_API_INFO, createHttpApp } from '@contextflow/http-kit';
import type { AppConfig } from '@contextflow/runtime/config';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { consoleRoutes } from './console/console-routes.js';

/**
 * The HTTP app of contextflow for a container and modules, with no I/O of its own: `main` serves it, tests
 * call `app.request()` on it. When the container holds the runtime's {@link Metrics}, requests are measured;
 * the operations server serves them, never this app (`/metrics` here is a 404).
 */
export function buildApp(
  container: DependencyContainer,
  modules: readonly ContextModule[],
  logger: Logger,
  config: Pick<AppConfig, 'corsOrigins' | 'bodyLimitBytes'>,
  readiness: readonly ReadinessCheck[] = [],
): OpenAPIHono<HttpEnv> {
  return createHttpApp({
    container,
    modules,
    logger,
    corsOrigins: config.corsOrigins,
    bodyLimitBytes: config.bodyLimitBytes,
    readiness,
    ...(container.isRegistered(Metrics, true) ? { metrics: container.resolve(Metrics) } : {}),
    info: CONTEXTFLOW_API_INFO,
    docs: docsRoutes,
    console: consoleRoutes,
  });
}
