import { z } from 'zod';
import { eventEnvelopeSchema } from './event-envelope-schema.js';

/** Wire identity of `users.user-reactivated` v1; `routingKey` is what a subscription binds. */
export const UserReactivatedV1 = Object.freeze({
  type: 'users.user-reactivated',
  version: 1,
  routingKey: 'users.user-reactivated.v1',
} as const);

/** An administrator reactivated a deactivated user (`aggregateId`). */
export const UserReactivatedV1Schema = eventEnvelopeSchema(UserReactivatedV1.type, z.object({}));

/** A parsed {@link UserReactivatedV1Schema} event. */
export type UserReactivatedV1 = z.infer<typeof UserReactivatedV1Schema>;
