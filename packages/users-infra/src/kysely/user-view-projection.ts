// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Db } from '@contextflow/core-infra/db';
import type { UserSnapshot } from '@contextflow/users-domain';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { UsersTables } from './users-tables.js';

/** Keeps `users.user_views` equal to the saved user, in the saving transaction. */
@injectable()
export class UserViewProjection {
  constructor(@inject(Db) private readonly db: Kysely<UsersTables>) {}

  /** Writes the view of `user` (insert or replace). */
  async project(user: UserSnapshot): Promise<void> {
    const row = {
      email: user.email,
      name: user.name,
      status: user.status,
      created_at: user.createdAt,
      updated_at: user.updatedAt,
    };
    await this.db
      .insertInto('users.user_views')
      .values({ id: user.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }
}
