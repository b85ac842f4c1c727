import { PLAN_EACH_CALL } from '@contextflow/core-infra/db';
import { type PoolClient, Query, type QueryResult } from 'pg';

/** Most distinct statements named per pool; any beyond (e.g. `in (...)` lists of every length) stay unnamed. */
const MAX_NAMED = 1_000;

/**
 * Remembers which statement text got which name, for every connection of one pool: the first run of a text
 * on a connection is parsed and planned once, later runs only bind and execute. Stock Kysely over `pg` sends
 * unnamed statements, which PostgreSQL parses and plans on every call.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  /** The name of `text`, or `undefined` once the pool has named {@link MAX_NAMED} statements. */
  nameOf(text: string): string | undefined {
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < MAX_NAMED) {
      name = `cf_${this.#names.size + 1}`;
      this.#names.set(text, name);
    }
    return name;
  }

  /**
   * Makes `client` send every query with parameters as a named (prepared) statement. A query without
   * parameters (BEGIN, COMMIT, DDL) keeps the simple protocol; so does one given as a config object. One that
   * ends with {@link PLAN_EACH_CALL} stays unnamed, so PostgreSQL plans it with its values on every call.
   */
  install(client: PoolClient): void {
    const query = client.query.bind(client) as (
      config: unknown,
      values?: unknown,
      callback?: unknown,
    ) => unknown;
    const named = (text: unknown, values?: unknown, callback?: unknown): unknown => {
      if (
        typeof text === 'string' &&
        Array.isArray(values) &&
        values.length > 0 &&
        callback === undefined &&
        !text.endsWith(PLAN_EACH_CALL)
      ) {
        const name = this.nameOf(text);
        if (name !== undefined) return namedQuery(query, name, text, values);
      }
      return query(text, values, callback);
    };
    client.query = named as PoolClient['query'];
  }
}

/**
 * `client.query({ name, text, values })` without its cost: pg copies a config object property by property
 * (descriptors and all) before reading it, about 4 µs a query; a `Query` made from the text alone skips that
 * copy and is named afterwards. Answers as `client.query` does: the result, or the error with a stack that
 * leads back to the code awaiting the query rather than to the socket's read (taken, as pg takes it, once the
 * rejection reaches a promise continuation).
 */
function namedQuery(
  submit: (query: Query) => unknown,
  name: string,
  text: string,
  values: unknown[],
): Promise<QueryResult> {
  return new Promise<QueryResult>((resolve, reject) => {
    const query: Query & { name?: string } = new Query(text, values, (error, result) =>
      error === null || error === undefined ? resolve(result) : reject(error),
    );
    query.name = name;
    submit(query);
  }).catch((error: unknown) => {
    if (error instanceof Error) Error.captureStackTrace(error);
    throw error;
  });
}
