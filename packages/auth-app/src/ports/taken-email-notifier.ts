import { token } from '@contextflow/core';

/**
 * Tells the owner of an account that someone tried to register with its email: the registration itself
 * answers as if the email were free, so the caller learns nothing, and the owner is the one who should know.
 */
export interface TakenEmailNotifier {
  /** Notifies the owner of `accountId`; may be delivered later (through the outbox). */
  registrationAttempted(accountId: string): Promise<void>;
}

/** Token of {@link TakenEmailNotifier}. */
export const TakenEmailNotifier = token<TakenEmailNotifier>('auth.TakenEmailNotifier');
