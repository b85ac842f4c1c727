import { AuthRoutingKeys } from '@contextflow/auth-app/contracts';
import type { DomainEvent, EventHandler } from '@contextflow/core';
import type { EmailVerifications } from '@contextflow/users-app';

/**
 * Shows a user's email as verified (`UserView.emailVerified`) when the auth context verified it. The user's
 * profile is made from another event, on another queue: when it is not there yet, this throws a passing error
 * and the event is retried until it is.
 */
export class ShowEmailVerifiedOnEmailVerified implements EventHandler<DomainEvent> {
  /** The consumer name: also the queue and the inbox key. */
  static readonly consumerName = 'users.show-email-verified-on-email-verified';
  /** The routing keys it binds. */
  static readonly events = [AuthRoutingKeys.emailVerifiedV1] as const;

  constructor(readonly verifications: EmailVerifications) {}

  async handle(event: DomainEvent): Promise<void> {
    if (!(await this.verifications.markVerified(event.aggregateId)))
      throw new Error(`user ${event.aggregateId} is not in the read model yet; the event is retried`);
  }
}
