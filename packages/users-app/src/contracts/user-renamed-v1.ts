import { z } from 'zod';
import { eventEnvelopeSchema } from './event-envelope-schema.js';

/** Wire identity of `users.user-renamed` v1; `routingKey` is what a subscription binds. */
export const UserRenamedV1 = Object.freeze({
  type: 'users.user-renamed',
  version: 1,
  routingKey: 'users.user-renamed.v1',
} as const);

/** A user changed their display name to `payload.name` (`aggregateId` is the user id). */
export const UserRenamedV1Schema = eventEnvelopeSchema(UserRenamedV1.type, z.object({ name: z.string() }));

/** A parsed {@link UserRenamedV1Schema} event. */
export type UserRenamedV1 = z.infer<typeof UserRenamedV1Schema>;
