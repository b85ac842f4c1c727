import { type Clock, type CommandHandler, type IdGenerator, isAdmin } from '@contextflow/core';
import { adminOnly, newStamp, type UserRepository, userNotFound } from '@contextflow/users-domain';
import type { ReactivateUserCommand } from './reactivate-user-command.js';

/** Reactivates a user: admins only (`users.admin_only`); reactivating an active user changes nothing. */
export class ReactivateUserHandler
  implements CommandHandler<ReactivateUserCommand, { readonly userId: string }>
{
  constructor(
    readonly repository: UserRepository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async handle({ payload, meta }: ReactivateUserCommand): Promise<{ readonly userId: string }> {
    if (!isAdmin(meta.actor)) throw adminOnly();
    const user = await this.repository.findById(payload.userId);
    if (user === null) throw userNotFound();
    user.reactivate(newStamp(this.ids, this.clock));
    await this.repository.save(user);
    return { userId: user.id };
  }
}
