import { AppError, type Principal } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import type { Context, MiddlewareHandler } from 'hono';

function unauthenticated(): AppError {
  return AppError.unauthorized('auth.unauthenticated', 'A valid bearer token is required.');
}

/**
 * Route middleware: 401 problem with `WWW-Authenticate: Bearer` when the request has no principal.
 * Use it in `createRoute({ middleware: [requireAuth], security: BEARER_SECURITY, ... })`.
 */
export const requireAuth: MiddlewareHandler<HttpEnv> = async (c, next) => {
  if (c.get('principal') === null) throw unauthenticated();
  await next();
};

/** The caller of a route guarded by {@link requireAuth}; throws the same 401 when there is none. */
export function principalOf<E extends HttpEnv>(c: Context<E>): Principal {
  const principal = c.get('principal');
  if (principal === null) throw unauthenticated();
  return principal;
}
