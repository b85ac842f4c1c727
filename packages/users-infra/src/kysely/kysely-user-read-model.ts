// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type Page, UUID_PATTERN } from '@contextflow/core';
import { Db, planEachCall, preparedQuery, timestamptzIso } from '@contextflow/core-infra/db';
import {
  UserListCursor,
  type UserListFilter,
  type UserReadModel,
  type UserView,
} from '@contextflow/users-app';
import { type InferResult, type Kysely, sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { UsersTables } from './users-tables.js';

/**
 * The columns of `users.user_views` the queries read as they are, and the two timestamps read as PostgreSQL's
 * text (`created_at::text`), which {@link timestamptzIso} turns into the view's ISO text without a `Date` made
 * and written out again in between (40 per page). Those two are named apart from the columns: an output column
 * called `created_at` would be what `order by created_at` sorts by.
 */
const PLAIN_COLUMNS = ['id', 'email', 'name', 'status', 'email_verified'] as const;
const TIMESTAMP_TEXTS = [
  sql<string>`created_at::text`.as('created_text'),
  sql<string>`updated_at::text`.as('updated_text'),
] as const;

/** The same select list, for the queries written as SQL. */
const VIEW_COLUMNS = sql.join([...PLAIN_COLUMNS.map((column) => sql.ref(column)), ...TIMESTAMP_TEXTS]);

const selectViews = (db: Kysely<UsersTables>) =>
  db.selectFrom('users.user_views').select([...PLAIN_COLUMNS, ...TIMESTAMP_TEXTS]);

/** A row as the queries read it: what the select list above gives. */
type UserViewRow = InferResult<ReturnType<typeof selectViews>>[number];

const userById = preparedQuery((db: Kysely<UsersTables>, id: string) => selectViews(db).where('id', '=', id));

const NEWEST_FIRST = (db: Kysely<UsersTables>) =>
  selectViews(db).orderBy('created_at', 'desc').orderBy('id', 'desc');

/** Keyset condition: the rows after the position (`created_at`, `id`) a cursor stands for, newest first. */
const olderThan = (createdAt: string, id: string) =>
  sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`;

/** The unfiltered pages every client walks through, compiled once: the first one, and those after a cursor. */
const firstPage = preparedQuery((db: Kysely<UsersTables>, limit: number) => NEWEST_FIRST(db).limit(limit));
const pageAfter = preparedQuery((db: Kysely<UsersTables>, createdAt: string, id: string, limit: number) =>
  NEWEST_FIRST(db).where(olderThan(createdAt, id)).limit(limit),
);

function toView(row: UserViewRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    emailVerified: row.email_verified,
    createdAt: timestamptzIso(row.created_text),
    updatedAt: timestamptzIso(row.updated_text),
  };
}

interface Position {
  readonly createdAt: string;
  readonly id: string;
}

/** The rows of a filtered page (up to one more than the page), and where a bounded scan stopped, if it did. */
interface FilteredRows {
  readonly rows: UserViewRow[];
  readonly scannedTo: Position | undefined;
}

/** A term pg_trgm can look up: one with a run of three letters or digits (it extracts no trigram otherwise). */
const INDEXABLE_TERM = /[\p{L}\p{N}]{3}/u;

/** How many rows one page of a term without a trigram (`q=ab`) reads at most, whatever the table's size. */
export const SCAN_WINDOW = 2_000;

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
    const { rows, scannedTo } =
      filter.status === undefined && q === ''
        ? {
            rows: (after === undefined
              ? await firstPage.execute(this.db, filter.limit + 1)
              : await pageAfter.execute(this.db, after.createdAt, after.id, filter.limit + 1)
            ).rows,
            scannedTo: undefined,
          }
        : await this.#filtered(filter.status, q, after, filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const next =
      rows.length > filter.limit && last !== undefined
        ? { createdAt: timestamptzIso(last.created_text), id: last.id }
        : scannedTo;
    return {
      items: page.map(toView),
      nextCursor: next === undefined ? null : UserListCursor.encode(next),
    };
  }

  /** A page filtered by status and/or text: built per call (its shape depends on the filters). */
  async #filtered(
    status: UserListFilter['status'],
    q: string,
    after: Position | undefined,
    limit: number,
  ): Promise<FilteredRows> {
    if (q !== '' && !INDEXABLE_TERM.test(q)) return this.#scanWindow(status, likeLiteral(q), after, limit);
    let query = NEWEST_FIRST(this.db);
    if (status !== undefined) query = query.where('status', '=', status);
    if (after !== undefined) query = query.where(olderThan(after.createdAt, after.id));
    query = query.limit(limit);
    if (q !== '') {
      // The trigram indexes (migration 0002) serve this: the planner reads the rows holding the term's
      // trigrams, or walks the page index when the term is common enough to fill a page soon. Which is cheaper
      // depends on the term, so the statement is planned for its term on every call, never once for any term.
      const pattern = likeLiteral(q);
      query = planEachCall(
        query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)])),
      );
    }
    return { rows: await query.execute(), scannedTo: undefined };
  }

  /**
   * A term without three letters or digits in a row has no trigram to look up, so it is matched over at most
   * {@link SCAN_WINDOW} rows after the position, newest first: the page holds the matches among them, and when
   * fewer than a page match but the window was full, `scannedTo` (the window's last row) is where the next
   * page continues. Walking every page still yields every match exactly once, in order; a page may be short
   * (even empty) and still have a next one.
   */
  async #scanWindow(
    status: UserListFilter['status'],
    pattern: string,
    after: Position | undefined,
    limit: number,
  ): Promise<FilteredRows> {
    const conditions = [
      ...(status === undefined ? [] : [sql`status = ${status}`]),
      ...(after === undefined ? [] : [olderThan(after.createdAt, after.id)]),
    ];
    const where = conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
    const { rows } = await sql<UserViewRow & { edge: boolean }>`
      with scanned as (
        select * from users.user_views ${where}
        order by created_at desc, id desc limit ${SCAN_WINDOW}
      )
      (select ${VIEW_COLUMNS}, false as edge from scanned where email ilike ${pattern} or name ilike ${pattern}
        order by created_at desc, id desc limit ${limit})
      union all
      (select ${VIEW_COLUMNS}, true as edge from scanned
        order by created_at desc, id desc offset ${SCAN_WINDOW - 1} limit 1)`.execute(this.db);
    const edge = rows.find((row) => row.edge);
    return {
      rows: rows.filter((row) => !row.edge),
      scannedTo:
        edge === undefined ? undefined : { createdAt: timestamptzIso(edge.created_text), id: edge.id },
    };
  }
}
