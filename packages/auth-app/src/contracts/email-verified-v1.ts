import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/**
 * The owner of an account proved the email is theirs (followed a verification link). `aggregateId` is the
 * account (= user) id; the users context shows it as `UserView.emailVerified`.
 */
export const EmailVerifiedV1 = eventEnvelope(
  AuthEventTypes.emailVerified,
  1,
  z.object({ email: z.string().min(3).max(254) }),
);

/** A parsed {@link EmailVerifiedV1} event. */
export type EmailVerifiedV1 = z.infer<typeof EmailVerifiedV1>;
