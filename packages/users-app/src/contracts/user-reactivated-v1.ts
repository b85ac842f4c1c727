import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { UsersEventTypes } from './users-event-types.js';

/** An administrator reactivated a deactivated user (`aggregateId`). */
export const UserReactivatedV1 = eventEnvelope(UsersEventTypes.userReactivated, 1, z.object({}));

/** A parsed {@link UserReactivatedV1} event. */
export type UserReactivatedV1 = z.infer<typeof UserReactivatedV1>;
