import type { Command } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link RenameUserCommand}. */
export const RenameUserPayloadSchema = z.object({ userId: z.uuid(), name: z.string() });

/** A parsed {@link RenameUserPayloadSchema}. */
export type RenameUserPayload = Readonly<z.infer<typeof RenameUserPayloadSchema>>;

/** Changes a user's display name; the user themself or an admin may issue it. */
export type RenameUserCommand = Command<'users.rename-user', RenameUserPayload>;

/** Wire type of {@link RenameUserCommand}. */
export const RenameUserCommand = Object.freeze({ type: 'users.rename-user' } as const);
