// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { UUID_PATTERN } from '@contextflow/core';
import { Db, isUniqueViolation, OutboxWriter, preparedQuery } from '@contextflow/core-infra/db';
import { User, type UserRepository, UsersErrors } from '@contextflow/users-domain';
import type { Kysely, QueryCreator, Selectable } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { UsersTable, UsersTables } from './users-tables.js';

const userById = preparedQuery((db: Kysely<UsersTables>, id: string) =>
  db.selectFrom('users.users').selectAll().where('id', '=', id),
);

type Status = 'active' | 'deactivated';

const VIEW_COLUMNS = ['id', 'email', 'name', 'status', 'created_at', 'updated_at'] as const;

/**
 * The `user_views` row of the user the CTE `written` returns (insert or replace), returning its id: no row
 * when nothing was written. The aggregate and its read model in one statement.
 */
const viewOfWritten = (db: QueryCreator<UsersTables & { written: Selectable<UsersTable> }>) =>
  db
    .insertInto('users.user_views')
    .columns(VIEW_COLUMNS)
    .expression((eb) => eb.selectFrom('written').select(VIEW_COLUMNS))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        email: eb.ref('excluded.email'),
        name: eb.ref('excluded.name'),
        status: eb.ref('excluded.status'),
        created_at: eb.ref('excluded.created_at'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning('id');

/** A new user (nothing when the id exists) and its view. */
const insertUser = preparedQuery(
  (
    db: Kysely<UsersTables>,
    id: string,
    email: string,
    name: string,
    status: Status,
    version: number,
    createdAt: Date,
    updatedAt: Date,
  ) =>
    viewOfWritten(
      db.with('written', (qb) =>
        qb
          .insertInto('users.users')
          .values({ id, email, name, status, version, created_at: createdAt, updated_at: updatedAt })
          .onConflict((oc) => oc.column('id').doNothing())
          .returningAll(),
      ),
    ),
);

/** The user, at the version it was loaded at, moved to its new state (nothing when another save won), and its view. */
const updateUser = preparedQuery(
  (
    db: Kysely<UsersTables>,
    id: string,
    loadedVersion: number,
    email: string,
    name: string,
    status: Status,
    version: number,
    updatedAt: Date,
  ) =>
    viewOfWritten(
      db.with('written', (qb) =>
        qb
          .updateTable('users.users')
          .set({ email, name, status, version, updated_at: updatedAt })
          .where('id', '=', id)
          .where('version', '=', loadedVersion)
          .returningAll(),
      ),
    ),
);

/**
 * {@link UserRepository} over `users.users`. A save checks the version it loaded (optimistic concurrency) and
 * keeps the `user_views` read model current in the same statement, then appends the recorded events to the
 * outbox — all through the `Db` of its scope, so inside a handler it is one transaction.
 */
@injectable()
export class KyselyUserRepository implements UserRepository {
  constructor(
    @inject(Db) private readonly db: Kysely<UsersTables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async findById(id: string): Promise<User | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = (await userById.execute(this.db, id)).rows;
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
    try {
      const { rows } =
        user.persistedVersion === 0
          ? await insertUser.execute(
              this.db,
              s.id,
              s.email,
              s.name,
              s.status,
              s.version,
              s.createdAt,
              s.updatedAt,
            )
          : await updateUser.execute(
              this.db,
              s.id,
              user.persistedVersion,
              s.email,
              s.name,
              s.status,
              s.version,
              s.updatedAt,
            );
      if (rows.length !== 1) throw UsersErrors.concurrentUpdate();
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw UsersErrors.emailTaken();
      throw error;
    }
    await this.outbox.append(user.pullEvents());
  }
}
