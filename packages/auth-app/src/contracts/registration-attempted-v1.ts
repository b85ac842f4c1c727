import { eventEnvelope } from '@contextflow/core/contracts';
import { z } from 'zod';
import { AuthEventTypes } from './auth-event-types.js';

/** Someone tried to register with the email of this account; the owner is told at `email`. */
export const RegistrationAttemptedV1 = eventEnvelope(
  AuthEventTypes.registrationAttempted,
  1,
  z.object({ email: z.string().min(3).max(254) }),
);

/** A parsed {@link RegistrationAttemptedV1} event. */
export type RegistrationAttemptedV1 = z.infer<typeof RegistrationAttemptedV1>;
