import type { Command } from '@contextflow/core';
import { z } from 'zod';

/**
 * The payload of {@link ResetPasswordCommand}: the link, the hash of its secret, and the id under which the
 * new password's hash waits (`PendingCredentials`). Neither the token nor the password enters the command.
 */
export const ResetPasswordPayloadSchema = z.object({
  linkId: z.uuid(),
  tokenHash: z.string().min(1).max(200),
  credentialId: z.uuid(),
});

/** A parsed {@link ResetPasswordPayloadSchema}. */
export type ResetPasswordPayload = Readonly<z.infer<typeof ResetPasswordPayloadSchema>>;

/** Sets a new password with the link of a password-reset email (asynchronous; anyone). */
export type ResetPasswordCommand = Command<'auth.reset-password', ResetPasswordPayload>;

/** Wire type of {@link ResetPasswordCommand}. */
export const ResetPasswordCommand = Object.freeze({ type: 'auth.reset-password' } as const);

/** Result of {@link ResetPasswordCommand}. */
export interface ResetPasswordResult {
  readonly accountId: string;
  readonly sessionsEnded: number;
}
