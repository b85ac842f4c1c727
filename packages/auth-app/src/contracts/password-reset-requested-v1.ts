import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/** A password-reset email was asked for an active account: link `linkId`, recipient `email`. No token. */
export const PasswordResetRequestedV1 = eventEnvelope(
  AuthEventTypes.passwordResetRequested,
  1,
  z.object({ linkId: z.uuid(), email: z.string().min(3).max(254) }),
);

/** A parsed {@link PasswordResetRequestedV1} event. */
export type PasswordResetRequestedV1 = z.infer<typeof PasswordResetRequestedV1>;
