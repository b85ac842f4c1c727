import { type Clock, type CommandHandler, type IdGenerator, isSelfOrAdmin } from '@contextflow/core';
import { newStamp, UserName, type UserRepository, UsersErrors } from '@contextflow/users-domain';
import type { RenameUserCommand } from './rename-user-command.js';

/** Renames a user. Another user's id answers not found (`users.not_found`), exactly like an unknown one. */
export class RenameUserHandler implements CommandHandler<RenameUserCommand, { readonly userId: string }> {
  constructor(
    readonly repository: UserRepository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async handle({ payload, meta }: RenameUserCommand): Promise<{ readonly userId: string }> {
    const name = UserName.of(payload.name);
    if (!isSelfOrAdmin(meta.actor, payload.userId)) throw UsersErrors.notFound();
    const user = await this.repository.findById(payload.userId);
    if (user === null) throw UsersErrors.notFound();
    user.rename(name, newStamp(this.ids, this.clock));
    await this.repository.save(user);
    return { userId: user.id };
  }
}
