import type { Command } from '@contextflow/core';
import { z } from 'zod';

/**
 * The payload of {@link RegisterAccountCommand}: `accountId` is server-generated (UUIDv7), also the user's id in
 * every context; the email and name are checked by the handler. It carries no credential: the password's hash
 * waits in the auth context's own storage (`PendingCredentials`) under `accountId`, so the command row, the
 * outbox, the broker and any dead letter never hold it.
 */
export const RegisterAccountPayloadSchema = z.object({
  accountId: z.uuid(),
  email: z.string(),
  name: z.string(),
});

/** A parsed {@link RegisterAccountPayloadSchema}. */
export type RegisterAccountPayload = Readonly<z.infer<typeof RegisterAccountPayloadSchema>>;

/** Creates an account (asynchronous; anyone may ask). */
export type RegisterAccountCommand = Command<'auth.register-account', RegisterAccountPayload>;

/** Wire type of {@link RegisterAccountCommand}. */
export const RegisterAccountCommand = Object.freeze({ type: 'auth.register-account' } as const);

/** Result of {@link RegisterAccountCommand}: the same for a new account and for an email that was taken. */
export interface RegisterAccountResult {
  readonly accountId: string;
}
