import type { Principal } from '@contextflow/core';

/** The idempotency scope of a command's issuer: `user:<id>`, or `anonymous` for unauthenticated callers. */
export function callerOf(actor: Principal | null | undefined): string {
  return actor == null ? 'anonymous' : `user:${actor.userId}`;
}
