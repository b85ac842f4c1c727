import { z } from 'zod';
import { eventEnvelopeSchema } from './event-envelope-schema.js';

/** Wire identity of `users.user-registered` v1; `routingKey` is what a subscription binds. */
export const UserRegisteredV1 = Object.freeze({
  type: 'users.user-registered',
  version: 1,
  routingKey: 'users.user-registered.v1',
} as const);

/** A user now exists, active, with this email and display name (`aggregateId` is the user id). */
export const UserRegisteredV1Schema = eventEnvelopeSchema(
  UserRegisteredV1.type,
  z.object({ email: z.string(), name: z.string() }),
);

/** A parsed {@link UserRegisteredV1Schema} event. */
export type UserRegisteredV1 = z.infer<typeof UserRegisteredV1Schema>;
