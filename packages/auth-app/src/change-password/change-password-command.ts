import type { Command } from '@contextflow/core';
import { z } from 'zod';

/**
 * The payload of {@link ChangePasswordCommand}: the caller's account and the id under which the new password's
 * hash waits (`PendingCredentials`), or `null` when the current password the caller gave was wrong (checked
 * where the request arrived, so no password enters the command).
 */
export const ChangePasswordPayloadSchema = z.object({
  accountId: z.uuid(),
  credentialId: z.uuid().nullable(),
});

/** A parsed {@link ChangePasswordPayloadSchema}. */
export type ChangePasswordPayload = Readonly<z.infer<typeof ChangePasswordPayloadSchema>>;

/** Replaces the caller's password; their other sessions end (asynchronous; signed in). */
export type ChangePasswordCommand = Command<'auth.change-password', ChangePasswordPayload>;

/** Wire type of {@link ChangePasswordCommand}. */
export const ChangePasswordCommand = Object.freeze({ type: 'auth.change-password' } as const);

/** Result of {@link ChangePasswordCommand}. */
export interface ChangePasswordResult {
  readonly accountId: string;
  readonly sessionsEnded: number;
}
