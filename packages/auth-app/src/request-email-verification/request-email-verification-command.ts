import type { Command } from '@contextflow/core';
import { z } from 'zod';

/**
 * The payload of {@link RequestEmailVerificationCommand}: the account, and whether this is the reminder (its
 * email says so). The caller must be the account's owner, an admin or the system (a process's reminder).
 */
export const RequestEmailVerificationPayloadSchema = z.object({
  accountId: z.uuid(),
  reminder: z.boolean().default(false),
});

/** A parsed {@link RequestEmailVerificationPayloadSchema}. */
export type RequestEmailVerificationPayload = Readonly<z.input<typeof RequestEmailVerificationPayloadSchema>>;

/** Sends a new verification email; the account's earlier links stop working (asynchronous). */
export type RequestEmailVerificationCommand = Command<
  'auth.request-email-verification',
  RequestEmailVerificationPayload
>;

/** Wire type of {@link RequestEmailVerificationCommand}. */
export const RequestEmailVerificationCommand = Object.freeze({
  type: 'auth.request-email-verification',
} as const);

/** Result of {@link RequestEmailVerificationCommand}: the link the new email carries. */
export interface RequestEmailVerificationResult {
  readonly accountId: string;
}
