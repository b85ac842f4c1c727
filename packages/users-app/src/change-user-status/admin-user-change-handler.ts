import { type Clock, type Command, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { newStamp, type Stamp, type User, type UserRepository, UsersErrors } from '@contextflow/users-domain';

/**
 * A change to one user that only an admin may make (`users.admin_only`; an unknown user is `users.not_found`):
 * load, {@link change}, save. What the change does, and whether it records an event, is the aggregate's.
 */
export abstract class AdminUserChangeHandler<C extends Command<string, { readonly userId: string }>>
  implements CommandHandler<C, { readonly userId: string }>
{
  constructor(
    readonly repository: UserRepository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  /** Applies the change to the loaded user. */
  protected abstract change(user: User, stamp: Stamp): void;

  async handle({ payload, meta }: C): Promise<{ readonly userId: string }> {
    if (!isAdmin(meta.actor)) throw UsersErrors.adminOnly();
    const user = await this.repository.findById(payload.userId);
    if (user === null) throw UsersErrors.notFound();
    this.change(user, newStamp(this.ids, this.clock));
    await this.repository.save(user);
    return { userId: user.id };
  }
}
