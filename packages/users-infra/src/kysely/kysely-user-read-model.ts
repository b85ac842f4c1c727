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

function toView(row: Selectable<UserViewsTable>): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
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
    let query = this.db.selectFrom('users.user_views').selectAll();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.q !== undefined && filter.q.trim() !== '') {
      const pattern = likeLiteral(filter.q.trim());
      query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]));
    }
    if (filter.cursor !== undefined) {
      const after = UserListCursor.decode(filter.cursor);
      query = query.where(
        sql<boolean>`(created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
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
}
