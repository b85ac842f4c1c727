import type { Command, Principal } from '@contextflow/core';

let sequence = 0;

/** A command with plausible metadata, issued by `actor` (anonymous by default). */
export function aCommand<C extends Command>(
  type: C['type'],
  payload: C['payload'],
  actor: Principal | null = null,
): C {
  sequence += 1;
  const id = `00000000-0000-7000-9000-${sequence.toString(16).padStart(12, '0')}`;
  return {
    type,
    payload,
    meta: { commandId: id, actor, correlationId: id, causationId: id, issuedAt: '2026-03-01T12:00:00.000Z' },
  } as C;
}

/** A signed-in principal with the admin role. */
export function anAdmin(userId = 'admin-user'): Principal {
  return { userId, roles: ['user', 'admin'] };
}

/** A signed-in principal with only the user role. */
export function aUser(userId = 'plain-user'): Principal {
  return { userId, roles: ['user'] };
}
