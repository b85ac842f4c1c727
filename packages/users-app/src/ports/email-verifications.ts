import { token } from '@contextflow/core';

/**
 * Projects the auth context's email verifications into the users read model (`UserView.emailVerified`), in the
 * unit of work of the event that reports one.
 */
export interface EmailVerifications {
  /** Marks the user's email verified; false when the user is not in the read model (yet). */
  markVerified(userId: string): Promise<boolean>;
}

/** Token of {@link EmailVerifications}. */
export const EmailVerifications = token<EmailVerifications>('users.EmailVerifications');
