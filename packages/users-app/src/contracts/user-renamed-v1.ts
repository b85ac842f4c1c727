import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { UsersEventTypes } from './users-event-types.js';

/** A user changed their display name to `payload.name` (`aggregateId` is the user id). */
export const UserRenamedV1 = eventEnvelope(UsersEventTypes.userRenamed, 1, z.object({ name: z.string() }));

/** A parsed {@link UserRenamedV1} event. */
export type UserRenamedV1 = z.infer<typeof UserRenamedV1>;
