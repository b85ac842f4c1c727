import { token } from '@contextflow/core';

/** One email: plain text, one recipient. */
export interface OutgoingEmail {
  /** Identifies the message, so a receiving server can tell a resend from a new email. */
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * Sends email. Resolves once the server accepted the message; throws when it did not (the server is down or
 * refused it), so the reaction that sends is retried through the messaging retry path.
 */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

/** Token of {@link Mailer}. */
export const Mailer = token<Mailer>('auth.Mailer');
