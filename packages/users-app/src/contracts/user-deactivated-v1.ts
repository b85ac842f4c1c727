import { z } from 'zod';
import { eventEnvelopeSchema } from './event-envelope-schema.js';

/** Wire identity of `users.user-deactivated` v1; `routingKey` is what a subscription binds. */
export const UserDeactivatedV1 = Object.freeze({
  type: 'users.user-deactivated',
  version: 1,
  routingKey: 'users.user-deactivated.v1',
} as const);

/** An administrator deactivated a user (`aggregateId`); its sessions should end. */
export const UserDeactivatedV1Schema = eventEnvelopeSchema(UserDeactivatedV1.type, z.object({}));

/** A parsed {@link UserDeactivatedV1Schema} event. */
export type UserDeactivatedV1 = z.infer<typeof UserDeactivatedV1Schema>;
