import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/**
 * A verification email was asked for (registration, resend, reminder): its link is `linkId`, its recipient
 * `email`. Carries no token: the mailer makes it when it sends.
 */
export const EmailVerificationRequestedV1 = eventEnvelope(
  AuthEventTypes.emailVerificationRequested,
  1,
  z.object({ linkId: z.uuid(), email: z.string().min(3).max(254), reminder: z.boolean() }),
);

/** A parsed {@link EmailVerificationRequestedV1} event. */
export type EmailVerificationRequestedV1 = z.infer<typeof EmailVerificationRequestedV1>;
