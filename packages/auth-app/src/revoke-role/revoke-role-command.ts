import type { Command, Role } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link RevokeRoleCommand}; the role is checked by the handler, since it may come from a URL. */
export const RevokeRolePayloadSchema = z.object({ accountId: z.uuid(), role: z.string() });

/** A parsed {@link RevokeRolePayloadSchema}. */
export type RevokeRolePayload = Readonly<z.infer<typeof RevokeRolePayloadSchema>>;

/** Takes a role from an account (asynchronous; admins only). */
export type RevokeRoleCommand = Command<'auth.revoke-role', RevokeRolePayload>;

/** Wire type of {@link RevokeRoleCommand}. */
export const RevokeRoleCommand = Object.freeze({ type: 'auth.revoke-role' } as const);

/** Result of {@link RevokeRoleCommand}: the roles the account holds afterwards. */
export interface RevokeRoleResult {
  readonly accountId: string;
  readonly roles: readonly Role[];
}
