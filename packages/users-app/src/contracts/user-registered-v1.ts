import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { UsersEventTypes } from './users-event-types.js';

/** A user now exists, active, with this email and display name (`aggregateId` is the user id). */
export const UserRegisteredV1 = eventEnvelope(
  UsersEventTypes.userRegistered,
  1,
  z.object({ email: z.string(), name: z.string() }),
);

/** A parsed {@link UserRegisteredV1} event. */
export type UserRegisteredV1 = z.infer<typeof UserRegisteredV1>;
