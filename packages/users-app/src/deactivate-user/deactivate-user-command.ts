import type { Command } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link DeactivateUserCommand}. */
export const DeactivateUserPayloadSchema = z.object({ userId: z.uuid() });

/** A parsed {@link DeactivateUserPayloadSchema}. */
export type DeactivateUserPayload = Readonly<z.infer<typeof DeactivateUserPayloadSchema>>;

/** Deactivates a user (admins only); the auth context ends their sessions on the resulting event. */
export type DeactivateUserCommand = Command<'users.deactivate-user', DeactivateUserPayload>;

/** Wire type of {@link DeactivateUserCommand}. */
export const DeactivateUserCommand = Object.freeze({ type: 'users.deactivate-user' } as const);
