import type { Command } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link ReactivateUserCommand}. */
export const ReactivateUserPayloadSchema = z.object({ userId: z.uuid() });

/** A parsed {@link ReactivateUserPayloadSchema}. */
export type ReactivateUserPayload = Readonly<z.infer<typeof ReactivateUserPayloadSchema>>;

/** Reactivates a deactivated user (admins only). */
export type ReactivateUserCommand = Command<'users.reactivate-user', ReactivateUserPayload>;

/** Wire type of {@link ReactivateUserCommand}. */
export const ReactivateUserCommand = Object.freeze({ type: 'users.reactivate-user' } as const);
