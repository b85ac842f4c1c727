import { AuthErrors } from '@contextflow/auth-domain';
import { isAdmin } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra/http';
import type { MiddlewareHandler } from 'hono';

/** Route middleware after `requireAuth`: 403 `auth.admin_only` unless the caller holds the admin role. */
export const requireAdmin: MiddlewareHandler<HttpEnv> = async (c, next) => {
  if (!isAdmin(c.get('principal'))) throw AuthErrors.adminOnly();
  await next();
};
