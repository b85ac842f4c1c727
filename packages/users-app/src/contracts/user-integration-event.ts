import { z } from 'zod';
import { UserDeactivatedV1Schema } from './user-deactivated-v1.js';
import { UserReactivatedV1Schema } from './user-reactivated-v1.js';
import { UserRegisteredV1Schema } from './user-registered-v1.js';
import { UserRenamedV1Schema } from './user-renamed-v1.js';

/** Any event the users context publishes, discriminated by `type`: parse a message of unknown kind with it. */
export const UserIntegrationEventSchema = z.discriminatedUnion('type', [
  UserRegisteredV1Schema,
  UserRenamedV1Schema,
  UserDeactivatedV1Schema,
  UserReactivatedV1Schema,
]);

/** A parsed {@link UserIntegrationEventSchema} event. */
export type UserIntegrationEvent = z.infer<typeof UserIntegrationEventSchema>;
