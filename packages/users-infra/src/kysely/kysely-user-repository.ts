// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { UUID_PATTERN } from '@contextflow/core';
import { Db, isUniqueViolation, OutboxWriter } from '@contextflow/core-infra/db';
import { concurrentUpdate, emailTaken, User, type UserRepository } from '@contextflow/users-domain';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { UserViewProjection } from './user-view-projection.js';
import type { UsersTables } from './users-tables.js';

/**
 * {@link UserRepository} over `users.users`. A save checks the version it loaded (optimistic concurrency),
 * keeps the `user_views` read model current and appends the recorded events to the outbox — all through the
 * `Db` of its scope, so inside a handler it is one transaction.
 */
@injectable()
export class KyselyUserRepository implements UserRepository {
  constructor(
    @inject(Db) private readonly db: Kysely<UsersTables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @inject(UserViewProjection) private readonly views: UserViewProjection,
  ) {}

  async findById(id: string): Promise<User | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await this.db.selectFrom('users.users').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return null;
    return User.restore({
      id: row.id,
      email: row.email,
      name: row.name,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    });
  }

  async save(user: User): Promise<void> {
    if (user.pendingEvents.length === 0) return;
    const s = user.toSnapshot();
    const state = {
      email: s.email,
      name: s.name,
      status: s.status,
      version: s.version,
      updated_at: s.updatedAt,
    };
    try {
      const written =
        user.persistedVersion === 0
          ? await this.db
              .insertInto('users.users')
              .values({ id: s.id, ...state, created_at: s.createdAt })
              .onConflict((oc) => oc.column('id').doNothing())
              .executeTakeFirst()
          : await this.db
              .updateTable('users.users')
              .set(state)
              .where('id', '=', s.id)
              .where('version', '=', user.persistedVersion)
              .executeTakeFirst();
      const rows =
        'numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows;
      if (rows !== 1n) throw concurrentUpdate();
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
    await this.views.project(s);
    await this.outbox.append(user.pullEvents());
  }
}
