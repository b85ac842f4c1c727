import type { PoolClient, QueryConfig } from 'pg';

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
   * parameters (BEGIN, COMMIT, DDL) keeps the simple protocol; so does one given as a config object.
   */
  install(client: PoolClient): void {
    const query = client.query.bind(client) as (
      config: unknown,
      values?: unknown,
      callback?: unknown,
    ) => unknown;
    const named = (text: unknown, values?: unknown, callback?: unknown): unknown => {
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
        const name = this.nameOf(text);
        if (name !== undefined) return query({ name, text, values } satisfies QueryConfig);
      }
      return query(text, values, callback);
    };
    client.query = named as PoolClient['query'];
  }
}
