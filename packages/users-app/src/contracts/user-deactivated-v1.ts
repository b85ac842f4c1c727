import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { UsersEventTypes } from './users-event-types.js';

/** An administrator deactivated a user (`aggregateId`); its sessions should end. */
export const UserDeactivatedV1 = eventEnvelope(UsersEventTypes.userDeactivated, 1, z.object({}));

/** A parsed {@link UserDeactivatedV1} event. */
export type UserDeactivatedV1 = z.infer<typeof UserDeactivatedV1>;
