import { AppError, type Role } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import type { MiddlewareHandler } from 'hono';
import { principalOf } from './require-auth.js';

/**
 * Route middleware for role-gated routes: 401 without a principal, 403 problem when it lacks `role`. Use
 * after {@link requireAuth}: `middleware: [requireAuth, requireRole('admin')] as const`.
 */
export function requireRole(role: Role): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    if (!principalOf(c).roles.includes(role)) {
      throw AppError.forbidden('auth.forbidden', `This needs the ${role} role.`);
    }
    await next();
  };
}
