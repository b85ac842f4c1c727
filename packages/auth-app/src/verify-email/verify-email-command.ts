import type { Command } from '@contextflow/core';
import { z } from 'zod';

/**
 * The payload of {@link VerifyEmailCommand}: the link and the hash of the secret the route received. The
 * secret itself never enters a command, the outbox or the broker.
 */
export const VerifyEmailPayloadSchema = z.object({ linkId: z.uuid(), tokenHash: z.string().min(1).max(200) });

/** A parsed {@link VerifyEmailPayloadSchema}. */
export type VerifyEmailPayload = Readonly<z.infer<typeof VerifyEmailPayloadSchema>>;

/** Marks an account's email verified with the link a verification email carried (asynchronous; anyone). */
export type VerifyEmailCommand = Command<'auth.verify-email', VerifyEmailPayload>;

/** Wire type of {@link VerifyEmailCommand}. */
export const VerifyEmailCommand = Object.freeze({ type: 'auth.verify-email' } as const);

/** Result of {@link VerifyEmailCommand}. */
export interface VerifyEmailResult {
  readonly accountId: string;
  readonly emailVerified: true;
}
