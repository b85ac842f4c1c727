import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/**
 * An account lost a role. `aggregateId` is the account (= user) id. `role` is a role name, today `user` or `admin`; a
 * new role may appear without a new version, so consumers should ignore roles they do not know.
 */
export const RoleRevokedV1 = eventEnvelope(
  AuthEventTypes.roleRevoked,
  1,
  z.object({ role: z.string().min(1) }),
);

/** A parsed {@link RoleRevokedV1} event. */
export type RoleRevokedV1 = z.infer<typeof RoleRevokedV1>;
