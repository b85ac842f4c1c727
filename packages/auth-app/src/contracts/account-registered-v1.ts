import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/**
 * An account was created: the users context creates the user's profile from it. `aggregateId` is the
 * account id, which is also the user id. Carries no secret.
 */
export const AccountRegisteredV1 = eventEnvelope(
  AuthEventTypes.accountRegistered,
  1,
  z.object({ email: z.string().min(3).max(254), name: z.string().min(1).max(100) }),
);

/** A parsed {@link AccountRegisteredV1} event. */
export type AccountRegisteredV1 = z.infer<typeof AccountRegisteredV1>;
