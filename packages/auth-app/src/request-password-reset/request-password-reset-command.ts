import type { Command } from '@contextflow/core';
import { z } from 'zod';

/** The payload of {@link RequestPasswordResetCommand}: the address someone typed (any string; checked by the handler). */
export const RequestPasswordResetPayloadSchema = z.object({ email: z.string().max(320) });

/** A parsed {@link RequestPasswordResetPayloadSchema}. */
export type RequestPasswordResetPayload = Readonly<z.infer<typeof RequestPasswordResetPayloadSchema>>;

/** Emails a password-reset link to the address if it has an active account (asynchronous; anyone). */
export type RequestPasswordResetCommand = Command<'auth.request-password-reset', RequestPasswordResetPayload>;

/** Wire type of {@link RequestPasswordResetCommand}. */
export const RequestPasswordResetCommand = Object.freeze({ type: 'auth.request-password-reset' } as const);

/** Result of {@link RequestPasswordResetCommand}: always the same, so it tells nothing about the address. */
export type RequestPasswordResetResult = Readonly<Record<string, never>>;
