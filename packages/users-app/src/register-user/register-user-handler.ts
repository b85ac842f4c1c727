import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { Email, newStamp, User, UserName, type UserRepository, UsersErrors } from '@contextflow/users-domain';
import type { RegisterUserCommand } from './register-user-command.js';

/**
 * Registers a user. A user that already exists with this id is left as is and answered again, so a
 * redelivered reaction is harmless; a taken email fails with conflict `users.email_taken` (from the repository).
 */
export class RegisterUserHandler implements CommandHandler<RegisterUserCommand, { readonly userId: string }> {
  constructor(
    readonly repository: UserRepository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async handle({ payload, meta }: RegisterUserCommand): Promise<{ readonly userId: string }> {
    // The users context's own reaction to AccountRegistered issues this command; no person may.
    if (meta.actor !== null && !isAdmin(meta.actor)) throw UsersErrors.adminOnly();
    const email = Email.of(payload.email);
    const name = UserName.of(payload.name);
    if ((await this.repository.findById(payload.userId)) === null) {
      const user = User.register({ id: payload.userId, email, name }, newStamp(this.ids, this.clock));
      await this.repository.save(user);
    }
    return { userId: payload.userId };
  }
}
