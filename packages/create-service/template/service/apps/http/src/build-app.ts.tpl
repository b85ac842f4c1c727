import type { ContextModule, HttpEnv, Logger } from '@contextflow/core-infra';
import { docsRoutes } from '@contextflow/http-docs';
import { createHttpApp } from '@contextflow/http-kit';
import type { AppConfig } from '@contextflow/runtime/config';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';

/** The HTTP app of the service for a container and modules, with no I/O of its own: tests call `app.request()`. */
export function buildApp(
  container: DependencyContainer,
  modules: readonly ContextModule[],
  logger: Logger,
  config: Pick<AppConfig, 'corsOrigins' | 'bodyLimitBytes'>,
): OpenAPIHono<HttpEnv> {
  return createHttpApp({
    container,
    modules,
    logger,
    corsOrigins: config.corsOrigins,
    bodyLimitBytes: config.bodyLimitBytes,
    info: { title: '__name__ API', version: '1.0.0' },
    docs: docsRoutes,
  });
}
