import type { Logger } from '@contextflow/core-infra';
import {
  type PlatformTables,
  type PreparedQueryRunner,
  runPreparedQueriesOn,
} from '@contextflow/core-infra/db';
import { Kysely, PostgresDialect, type PostgresDialectConfig } from 'kysely';
import { type CustomTypesConfig, Pool, types } from 'pg';
import { StatementNames } from './named-statements.js';
import { parseTimestamptz } from './parse-timestamptz.js';

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** A `postgres://` connection string. */
  readonly url: string;
  /** Most connections the pool opens (default 10). */
  readonly poolSize?: number;
  /** Shown in `pg_stat_activity`, so operators can tell the apps apart. */
  readonly applicationName?: string;
  readonly logger?: Logger;
  /**
   * Send queries with parameters as named (prepared) statements, so PostgreSQL parses and plans each distinct
   * statement once per connection instead of on every call (default false). Not for a pooler in transaction
   * mode (PgBouncer before 1.21), where a connection's statements do not follow the client.
   */
  readonly namedStatements?: boolean;
  /**
   * Runs once per new physical connection: where a connection-level setting or optimisation hooks in (named
   * statements above are one, installed on every connection of the pool).
   */
  readonly onCreateConnection?: PostgresDialectConfig['onCreateConnection'];
}

/** pg's type parsers, except `timestamptz` text, read by {@link parseTimestamptz} into the same `Date`. */
const TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: Parameters<typeof types.getTypeParser>[0], format?: 'text' | 'binary') =>
    oid === types.builtins.TIMESTAMPTZ && format !== 'binary'
      ? parseTimestamptz
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/**
 * Creates the pooled Kysely instance over `pg`. int8 columns come back as strings (pg's default). Call
 * `destroy()` on the result at shutdown to end the pool.
 */
export function createDatabase(options: DatabaseOptions): Kysely<PlatformTables> {
  return createPooledDatabase(options).db;
}

/** {@link createDatabase}, also handing out its `pg` pool (read by the pool gauges; `db.destroy()` ends it). */
export function createPooledDatabase(options: DatabaseOptions): { db: Kysely<PlatformTables>; pool: Pool } {
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: TYPES,
    ...(options.applicationName === undefined ? {} : { application_name: options.applicationName }),
  });
  // An idle client losing its server (restart, failover) emits on the pool; unhandled, it kills the process.
  // The pool drops that client and opens a fresh one on the next checkout, so logging is all that is needed.
  pool.on('error', (error) => {
    options.logger?.warn({ err: error }, 'idle database connection failed; the pool replaces it');
  });
  // A client checked out between two queries (inside a transaction, while a handler awaits something else)
  // gets no pool listener: a server shutdown would be an uncaught 'error' that kills the process. Its next
  // query fails instead ("not queryable"), the transaction rolls back and the pool discards the client.
  const names = options.namedStatements === true ? new StatementNames() : undefined;
  pool.on('connect', (client) => {
    names?.install(client);
    client.on('error', (error) => {
      options.logger?.warn({ err: error }, 'database connection lost while checked out');
    });
  });
  const db = new Kysely<PlatformTables>({
    dialect: new PostgresDialect({
      pool,
      ...(options.onCreateConnection === undefined ? {} : { onCreateConnection: options.onCreateConnection }),
    }),
  });
  // Prepared queries skip Kysely's executor, unless a connection hook must see every connection first.
  if (options.onCreateConnection === undefined) runPreparedQueriesOn(db, onPool(pool));
  return { db, pool };
}

/** Commands whose result counts the rows they changed, as Kysely's PostgreSQL driver reports them. */
const AFFECTING = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/**
 * What Kysely's PostgreSQL driver does for one statement outside a transaction, without its layers: a client
 * checked out of `pool` (a new one gets the pool's `connect` listeners, named statements among them), the
 * statement, the client given back, and the result in Kysely's shape.
 */
function onPool(pool: Pool): PreparedQueryRunner {
  return async (sql, parameters) => {
    const client = await pool.connect();
    try {
      const { command, rowCount, rows } = await client.query(sql, parameters as unknown[]);
      return {
        rows: rows ?? [],
        numAffectedRows: AFFECTING.has(command) ? BigInt(rowCount ?? 0) : undefined,
      };
    } finally {
      client.release();
    }
  };
}
