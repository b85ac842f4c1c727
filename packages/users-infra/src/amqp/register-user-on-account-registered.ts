import { AccountRegisteredV1, AuthRoutingKeys } from '@contextflow/auth-app/contracts';
import { type DomainEvent, type EventHandler, SYSTEM_PRINCIPAL } from '@contextflow/core';
import { RegisterUserCommand, type RegisterUserHandler } from '@contextflow/users-app';
import { UsersErrors } from '@contextflow/users-domain';

/**
 * Creates the user's profile when the auth context registers an account. Runs in the dispatcher's unit of
 * work (inbox claim included), so the profile, its read model and its events commit together, once.
 */
export class RegisterUserOnAccountRegistered implements EventHandler<DomainEvent> {
  /** The consumer name: also the queue and the inbox key. */
  static readonly consumerName = 'users.register-user-on-account-registered';
  /** The routing keys it binds. */
  static readonly events = [AuthRoutingKeys.accountRegisteredV1] as const;

  constructor(readonly registerUser: RegisterUserHandler) {}

  async handle(event: DomainEvent): Promise<void> {
    const parsed = AccountRegisteredV1.safeParse(event);
    if (!parsed.success) {
      throw UsersErrors.invalidEvent(event.type);
    }
    const { aggregateId, payload, id } = parsed.data;
    await this.registerUser.handle({
      type: RegisterUserCommand.type,
      payload: { userId: aggregateId, email: payload.email, name: payload.name },
      meta: {
        commandId: id,
        actor: SYSTEM_PRINCIPAL,
        correlationId: id,
        causationId: id,
        issuedAt: parsed.data.occurredAt,
      },
    });
  }
}
