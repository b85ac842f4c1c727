import { CommandBus, IdGenerator, QueryBus, type Token, UuidV7Generator } from '@contextflow/core';
import {
  activeTracer,
  type HttpEnv,
  parseTraceparent,
  type Span,
  withTelemetryContext,
} from '@contextflow/core-infra';
import type { Context, MiddlewareHandler } from 'hono';
import type { DependencyContainer } from 'tsyringe';
import { resolveOptional } from '../di/resolve-optional.js';
import type { AccessLog } from './access-log.js';
import { keepResponseHeaders, setResponseHeaders } from './security-headers.js';

/** Client-supplied ids we accept as they are: short, and nothing that could forge a log line. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function required<T>(container: DependencyContainer, token: Token<T>, name: string): T {
  if (!container.isRegistered(token, true)) {
    throw new Error(`createHttpApp: no ${name} registered in the container`);
  }
  return container.resolve<T>(token);
}

/**
 * First middleware of the app, around everything else of a request: the request id (`X-Request-Id`, the
 * client's when sane, else a UUIDv7, always echoed), the correlation id (`X-Correlation-Id`, defaulting to
 * the request id), the per-request variables and the security headers (`setResponseHeaders`). The rest of
 * the request runs in a telemetry context: a new span of the W3C `traceparent` the client sent (a new trace
 * when it sent none or a malformed one), so every log line carries the trace id and the commands it sends
 * carry the trace on; the access log line is written in it once the answer is known. The buses are resolved
 * here once, when the app is created. One layer rather than one per concern: each layer of Hono's chain
 * costs every request two promises and a closure.
 */
export function requestContext(container: DependencyContainer, log: AccessLog): MiddlewareHandler<HttpEnv> {
  const commandBus = required(container, CommandBus, 'CommandBus');
  const queryBus = required(container, QueryBus, 'QueryBus');
  const ids = resolveOptional(container, IdGenerator, new UuidV7Generator());
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given !== undefined && SANE_ID.test(given) ? given : ids.next();
    const correlation = c.req.header('x-correlation-id');
    const correlationId = correlation !== undefined && SANE_ID.test(correlation) ? correlation : requestId;
    c.set('requestId', requestId);
    c.set('correlationId', correlationId);
    c.set('container', container);
    c.set('commandBus', commandBus);
    c.set('queryBus', queryBus);
    c.set('principal', null);
    const prepared = setResponseHeaders(c, requestId, correlationId);
    const span = activeTracer().startSpan(c.req.method, {
      kind: 'server',
      parent: parseTraceparent(c.req.header('traceparent')),
      attributes: { 'http.request.method': c.req.method },
    });
    try {
      // The request id is what caused whatever this request does: it is the causation id of its commands.
      await withTelemetryContext(
        { trace: span.trace, requestId, correlationId, causationId: requestId },
        async () => {
          await next();
          log(c, started);
        },
      );
      keepResponseHeaders(c, prepared);
    } finally {
      endServerSpan(span, c);
    }
  };
}

/**
 * Names the server span after the route pattern (low cardinality, no ids) and ends it with the status. A span
 * that records nothing is just ended: the route and status are not worked out for it.
 */
function endServerSpan(span: Span, c: Context<HttpEnv>): void {
  if (span.recording) {
    const route = c.req.routePath;
    const status = c.res.status;
    span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
    span.rename(`${c.req.method} ${route}`);
    if (status >= 500) span.fail(`HTTP ${status}`);
  }
  span.end();
}
