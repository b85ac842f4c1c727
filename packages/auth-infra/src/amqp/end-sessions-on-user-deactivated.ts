import { changeAccount } from '@contextflow/auth-app';
import { type AccountRepository, newStamp, type SessionRepository } from '@contextflow/auth-domain';
import type { Clock, DomainEvent, EventHandler, IdGenerator } from '@contextflow/core';
import { UsersRoutingKeys } from '@contextflow/users-app/contracts';

/**
 * When a user is deactivated, disables their account and revokes all its sessions, so neither a password nor
 * an existing refresh or access token works any more. Reads only the envelope's `aggregateId` (the user id,
 * which is the account id). Safe to run again; an unknown user changes nothing.
 */
export class EndSessionsOnUserDeactivated implements EventHandler<DomainEvent> {
  /** Consumer name, for the inbox and the queue. */
  static readonly consumerName = 'auth.end-sessions-on-user-deactivated';
  /** Routing keys it binds: the users context's published event. */
  static readonly events = [UsersRoutingKeys.userDeactivatedV1] as const;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    await changeAccount(this.accounts, event.aggregateId, (account) =>
      account.disable(newStamp(this.ids, this.clock)),
    );
    await this.sessions.revokeAllForAccount(event.aggregateId, 'account_disabled', this.clock.now());
  }
}
