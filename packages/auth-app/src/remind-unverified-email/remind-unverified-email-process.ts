import {
  type DomainEvent,
  type IdGenerator,
  type ProcessContext,
  type ProcessManager,
  SYSTEM_PRINCIPAL,
} from '@contextflow/core';
import { AuthEventTypes } from '../contracts/auth-event-types.js';
import { RequestEmailVerificationCommand } from '../request-email-verification/request-email-verification-command.js';

/** What the reminder keeps per account: when it registered. */
export interface RemindUnverifiedEmailState {
  readonly registeredAt: string;
}

/**
 * Reminds an account once to verify its email: it starts on the registration, wakes up after the reminder delay
 * (its `remind` timeout) and, if the email is still unverified, asks for a new verification email marked as a
 * reminder; the verification cancels the timeout and completes it. A reminder racing a verification is refused
 * by the command's handler (`auth.email_already_verified`), so it never sends a needless email.
 */
export class RemindUnverifiedEmailProcess implements ProcessManager<RemindUnverifiedEmailState> {
  /** Its name: consumer, queue, and the key of its state rows. */
  static readonly processName = 'auth.remind-unverified-email';
  /** Its timeout, delivered back to it as the event `auth.remind-unverified-email.remind`. */
  static readonly remind = 'remind';

  constructor(
    /** How long after the registration the reminder goes (`EMAIL_VERIFICATION_REMINDER_SECONDS`). */
    readonly reminderAfterMs: number,
    readonly ids: IdGenerator,
  ) {}

  correlate(event: DomainEvent): string {
    return event.aggregateId;
  }

  async react(event: DomainEvent, process: ProcessContext<RemindUnverifiedEmailState>): Promise<void> {
    if (event.type === AuthEventTypes.accountRegistered) {
      process.save({ registeredAt: event.occurredAt });
      process.schedule(RemindUnverifiedEmailProcess.remind, { afterMs: this.reminderAfterMs });
    } else if (event.type === AuthEventTypes.emailVerified) {
      process.complete();
    } else if (process.state !== undefined) {
      const commandId = this.ids.next();
      process.send({
        type: RequestEmailVerificationCommand.type,
        payload: { accountId: process.correlationId, reminder: true },
        meta: {
          commandId,
          actor: SYSTEM_PRINCIPAL,
          correlationId: process.correlationId,
          causationId: event.id,
          issuedAt: event.occurredAt,
        },
      });
      process.complete();
    }
  }
}
