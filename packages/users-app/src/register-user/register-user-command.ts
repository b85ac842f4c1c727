import type { Command } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link RegisterUserCommand}: the auth account's id, email and name. */
export const RegisterUserPayloadSchema = z.object({ userId: z.uuid(), email: z.string(), name: z.string() });

/** A parsed {@link RegisterUserPayloadSchema}. */
export type RegisterUserPayload = Readonly<z.infer<typeof RegisterUserPayloadSchema>>;

/** Creates the user of a newly registered account; only the system issues it (its actor is null or an admin). */
export type RegisterUserCommand = Command<'users.register-user', RegisterUserPayload>;

/** Wire type of {@link RegisterUserCommand}. */
export const RegisterUserCommand = Object.freeze({ type: 'users.register-user' } as const);
