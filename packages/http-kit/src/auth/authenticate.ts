import type { HttpEnv } from '@contextflow/core-infra';
import type { MiddlewareHandler } from 'hono';
import type { DependencyContainer } from 'tsyringe';
import { resolveOptional } from '../di/resolve-optional.js';
import { Authenticator } from './authenticator.js';

// RFC 6750 b64token; anything else is not a bearer token and leaves the caller anonymous.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Sets `principal` from `Authorization: Bearer <token>` through the registered {@link Authenticator}
 * (resolved once). A missing or invalid token leaves the caller anonymous (`null`); routes that need a
 * caller say so with `requireAuth`, which answers 401.
 */
export function authenticate(container: DependencyContainer): MiddlewareHandler<HttpEnv> {
  const authenticator = resolveOptional(container, Authenticator, null);
  if (authenticator === null) return (_c, next) => next();
  return (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined) return next();
    return authenticator.authenticate(token).then((principal) => {
      c.set('principal', principal);
      return next();
    });
  };
}
