import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { adminOnly, newStamp, type UserRepository, userNotFound } from '@contextflow/users-domain';
import type { DeactivateUserCommand } from './deactivate-user-command.js';

/** Deactivates a user: admins only (`users.admin_only`); deactivating a deactivated user changes nothing. */
export class DeactivateUserHandler
  implements CommandHandler<DeactivateUserCommand, { readonly userId: string }>
{
  constructor(
    readonly repository: UserRepository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async handle({ payload, meta }: DeactivateUserCommand): Promise<{ readonly userId: string }> {
    if (!isAdmin(meta.actor)) throw adminOnly();
    const user = await this.repository.findById(payload.userId);
    if (user === null) throw userNotFound();
    user.deactivate(newStamp(this.ids, this.clock));
    await this.repository.save(user);
    return { userId: user.id };
  }
}
