import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/**
 * An account gained a role. `aggregateId` is the account (= user) id. `role` is a role name, today `user` or `admin`; a
 * new role may appear without a new version, so consumers should ignore roles they do not know.
 */
export const RoleGrantedV1 = eventEnvelope(
  AuthEventTypes.roleGranted,
  1,
  z.object({ role: z.string().min(1) }),
);

/** A parsed {@link RoleGrantedV1} event. */
export type RoleGrantedV1 = z.infer<typeof RoleGrantedV1>;
