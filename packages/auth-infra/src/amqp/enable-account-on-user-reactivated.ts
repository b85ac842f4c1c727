import { changeAccount } from '@contextflow/auth-app';
import { type AccountRepository, newStamp } from '@contextflow/auth-domain';
import type { Clock, DomainEvent, EventHandler, IdGenerator } from '@contextflow/core';
import { UsersRoutingKeys } from '@contextflow/users-app/contracts';

/**
 * When a user is reactivated, lets their account sign in again (sessions ended by the deactivation stay
 * ended). Reads only the envelope's `aggregateId`. Safe to run again; an unknown user changes nothing.
 */
export class EnableAccountOnUserReactivated implements EventHandler<DomainEvent> {
  /** Consumer name, for the inbox and the queue. */
  static readonly consumerName = 'auth.enable-account-on-user-reactivated';
  /** Routing keys it binds: the users context's published event. */
  static readonly events = [UsersRoutingKeys.userReactivatedV1] as const;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    await changeAccount(this.accounts, event.aggregateId, (account) =>
      account.enable(newStamp(this.ids, this.clock)),
    );
  }
}
