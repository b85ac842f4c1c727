// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Page, UUID_PATTERN } from '@contextflow/core';
import { Db, preparedQuery } from '@contextflow/core-infra/db';
import {
  UserListCursor,
  type UserListFilter,
  type UserReadModel,
  type UserView,
} from '@contextflow/users-app';
import { type Kysely, type Selectable, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { UsersTables, UserViewsTable } from './users-tables.js';

const userById = preparedQuery((db: Kysely<UsersTables>, id: string) =>
  db.selectFrom('users.user_views').selectAll().where('id', '=', id),
);

const NEWEST_FIRST = (db: Kysely<UsersTables>) =>
  db.selectFrom('users.user_views').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');

/** Keyset condition: the rows after the position (`created_at`, `id`) a cursor stands for, newest first. */
const olderThan = (createdAt: string, id: string) =>
  sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`;

/** The unfiltered pages every client walks through, compiled once: the first one, and those after a cursor. */
const firstPage = preparedQuery((db: Kysely<UsersTables>, limit: number) => NEWEST_FIRST(db).limit(limit));
const pageAfter = preparedQuery((db: Kysely<UsersTables>, createdAt: string, id: string, limit: number) =>
  NEWEST_FIRST(db).where(olderThan(createdAt, id)).limit(limit),
);

function toView(row: Selectable<UserViewsTable>): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    emailVerified: row.email_verified,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
function likeLiteral(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** {@link UserReadModel} over `users.user_views`, paged by keyset on (created_at, id), newest first. */
@injectable()
export class KyselyUserReadModel implements UserReadModel {
  constructor(@inject(Db) private readonly db: Kysely<UsersTables>) {}

  async get(id: string): Promise<UserView | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const [row] = (await userById.execute(this.db, id)).rows;
    return row === undefined ? null : toView(row);
  }

  async list(filter: UserListFilter): Promise<Page<UserView>> {
    const after = filter.cursor === undefined ? undefined : UserListCursor.decode(filter.cursor);
    const q = filter.q?.trim() ?? '';
    const rows =
      filter.status === undefined && q === ''
        ? (after === undefined
            ? await firstPage.execute(this.db, filter.limit + 1)
            : await pageAfter.execute(this.db, after.createdAt, after.id, filter.limit + 1)
          ).rows
        : await this.#filtered(filter.status, q, after, filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      items: page.map(toView),
      nextCursor:
        rows.length > filter.limit && last !== undefined
          ? UserListCursor.encode({ createdAt: last.created_at.toISOString(), id: last.id })
          : null,
    };
  }

  /** A page filtered by status and/or text: built per call (its shape depends on the filters). */
  #filtered(
    status: UserListFilter['status'],
    q: string,
    after: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<Selectable<UserViewsTable>[]> {
    let query = NEWEST_FIRST(this.db);
    if (status !== undefined) query = query.where('status', '=', status);
    if (q !== '') {
      const pattern = likeLiteral(q);
      query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]));
    }
    if (after !== undefined) query = query.where(olderThan(after.createdAt, after.id));
    return query.limit(limit).execute();
  }
}
