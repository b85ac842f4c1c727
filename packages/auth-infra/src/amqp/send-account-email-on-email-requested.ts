import type { AccountEmailSender } from '@contextflow/auth-app';
import {
  AuthRoutingKeys,
  EmailVerificationRequestedV1,
  PasswordResetRequestedV1,
  RegistrationAttemptedV1,
} from '@contextflow/auth-app/contracts';
import type { DomainEvent, EventHandler } from '@contextflow/core';

/**
 * Sends the email an account event asks for: a verification link, a password-reset link, or the note that
 * someone tried to register with the owner's address. Runs in the dispatcher's unit of work with its inbox
 * claim, so a redelivered event sends nothing twice; a send that fails (the SMTP server is down) throws, and
 * the event comes back through the retry queues until the server is back.
 */
export class SendAccountEmailOnEmailRequested implements EventHandler<DomainEvent> {
  /** Consumer name, for the inbox and the queue. */
  static readonly consumerName = 'auth.send-account-email-on-email-requested';
  /** Routing keys it binds: the auth context's own events. */
  static readonly events = [
    AuthRoutingKeys.emailVerificationRequestedV1,
    AuthRoutingKeys.passwordResetRequestedV1,
    AuthRoutingKeys.registrationAttemptedV1,
  ] as const;
  /** The contract of each event it binds. */
  static readonly contracts = {
    [AuthRoutingKeys.emailVerificationRequestedV1]: EmailVerificationRequestedV1,
    [AuthRoutingKeys.passwordResetRequestedV1]: PasswordResetRequestedV1,
    [AuthRoutingKeys.registrationAttemptedV1]: RegistrationAttemptedV1,
  };

  constructor(private readonly sender: AccountEmailSender) {}

  async handle(event: DomainEvent): Promise<void> {
    const verification = EmailVerificationRequestedV1.safeParse(event);
    if (verification.success) {
      const { linkId, email, reminder } = verification.data.payload;
      await this.sender.sendLink(linkId, email, reminder);
      return;
    }
    const reset = PasswordResetRequestedV1.safeParse(event);
    if (reset.success) {
      await this.sender.sendLink(reset.data.payload.linkId, reset.data.payload.email);
      return;
    }
    const attempted = RegistrationAttemptedV1.parse(event);
    await this.sender.sendRegistrationAttempted(attempted.id, attempted.payload.email);
  }
}
