import type { ContextModule, HttpEnv, Logger, Metrics, ReadinessCheck } from '@contextflow/core-infra';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { DependencyContainer } from 'tsyringe';
import { authenticate } from '../auth/authenticate.js';
import { commandRoutes } from '../commands/command-routes.js';
import { type ApiInfo, type ApiServer, documentConfig } from '../openapi/api-document.js';
import { failureRoutes } from '../failures/failure-routes.js';
import { BEARER_AUTH, bearerAuthScheme } from '../openapi/openapi-responses.js';
import { healthRoutes } from '../operations/health-routes.js';
import { accessLog } from './access-log.js';
import { createErrorHandler } from './error-handler.js';
import { limitBody } from './limit-body.js';
import { createNotFoundHandler } from './not-found-handler.js';
import { requestContext } from './request-context.js';
import { requireJsonBody } from './require-json-body.js';
import { validationHook } from './validation-hook.js';

/** Options of {@link createHttpApp}. */
export interface HttpAppOptions {
  /** The application container: must hold CommandBus and QueryBus; Authenticator, IdGenerator, Clock and CommandStatusReader when present. */
  readonly container: DependencyContainer;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
  /** Origins allowed to call the API from a browser; none by default, `*` refused. */
  readonly corsOrigins?: readonly string[];
  /** Largest request body accepted (default 1 MiB); larger ones get 413. */
  readonly bodyLimitBytes?: number;
  /** What `/health/ready` checks. */
  readonly readiness?: readonly ReadinessCheck[];
  /**
   * `info` of the OpenAPI document; absent → `CONTEXTFLOW_API_INFO` (contextflow's own). A service of its own
   * gives its title, version, description, contact and license: the API lint asks for all of them.
   */
  readonly info?: ApiInfo;
  /** `servers` of the OpenAPI document; by default the origin that serves it (`/`). */
  readonly servers?: readonly ApiServer[];
  /** The interactive docs page at `/docs` (`docsRoutes` of `@contextflow/http-docs`); absent → none. */
  readonly docs?: DocsPage | undefined;
  /**
   * Record request durations there. The app never serves `/metrics` itself: metrics are for operators, on the
   * process's operations server (`serveOperations`), not on the public API port.
   */
  readonly metrics?: Metrics;
  /**
   * Serve the admin API over recorded failures (`/admin/failures…`, needs the runtime's `FailureReader` and the
   * `operations` module among `modules` for its actions); default true.
   */
  readonly failures?: boolean;
  /** The operations console's routes (apps/http's `consoleRoutes`), mounted at `/`; absent → none. */
  readonly console?: (() => Hono<HttpEnv>) | undefined;
}

/** Routes that serve an interactive page for `/openapi.json`, given the document's title; mounted at `/`. */
export type DocsPage = (title: string) => Hono;

const CORS_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'Prefer',
  'X-Request-Id',
  'X-Correlation-Id',
];
const CORS_EXPOSED = [
  'Location',
  'Preference-Applied',
  'Retry-After',
  'WWW-Authenticate',
  'X-Request-Id',
  'Allow',
];

/**
 * Middlewares run as one layer of Hono's chain, each calling the next one itself: a layer of the chain costs
 * every request two promises and a closure. An error any of them throws reaches `onError` as it would from
 * its own layer.
 */
function oneLayer(...middlewares: MiddlewareHandler<HttpEnv>[]): MiddlewareHandler<HttpEnv> {
  return middlewares.reduceRight(
    (inner, outer) => (c, next) => outer(c, () => inner(c, next) as Promise<void>),
  );
}

/**
 * Builds the HTTP app: request context, security headers, access log, CORS allowlist, body limit, JSON-only
 * bodies and bearer authentication; then every module's routes at `/`, the platform routes
 * (`/commands/{id}`, `/health/*`), `/openapi.json` (OpenAPI 3.1) and, with `docs`, `/docs`. Every error is
 * problem+json. `/metrics` is not among them (see `metrics`).
 */
export function createHttpApp(options: HttpAppOptions): OpenAPIHono<HttpEnv> {
  const { container, logger } = options;
  const origins = new Set(options.corsOrigins ?? []);
  if (origins.has('*')) throw new Error('createHttpApp: CORS origins are an allowlist; "*" is not allowed');
  const app = new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });
  app.onError(createErrorHandler(logger));
  app.notFound(createNotFoundHandler(() => app.routes));

  app.use(requestContext(container, accessLog(logger, options.metrics)));
  if (origins.size > 0) {
    app.use(
      cors({
        origin: (origin) => (origins.has(origin) ? origin : null),
        allowHeaders: CORS_HEADERS,
        exposeHeaders: CORS_EXPOSED,
        maxAge: 600,
      }),
    );
  }
  app.use(
    oneLayer(limitBody(options.bodyLimitBytes ?? 1024 * 1024), requireJsonBody(), authenticate(container)),
  );

  for (const module of options.modules) {
    const routes = module.routes?.();
    if (routes !== undefined) app.route('/', routes);
  }
  app.route('/', commandRoutes());
  if (options.failures !== false) app.route('/', failureRoutes());
  app.route('/', healthRoutes(options.readiness ?? [], logger));

  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_AUTH, bearerAuthScheme);
  const config = documentConfig(options.info, options.servers, options.modules);
  // What `app.doc31` serves, built once (every route is mounted by the first request) and with generator
  // errors going to onError rather than doc31's raw error JSON.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get('/openapi.json', (c) => c.json((document ??= app.getOpenAPI31Document(config))));
  if (options.docs !== undefined) app.route('/', options.docs(config.info.title));
  if (options.console !== undefined) app.route('/', options.console());
  return app;
}
