import { type Compilable, type CompiledQuery, createQueryId, type Kysely, type QueryResult } from 'kysely';

/** Stands for the i-th argument while the query is built; never reaches the database. */
class Slot {
  constructor(readonly index: number) {}
}

interface Compiled {
  readonly template: CompiledQuery;
  /** For each parameter of the compiled SQL: the argument it takes, or the constant the builder put there. */
  readonly parameters: readonly (Slot | { readonly value: unknown })[];
}

/**
 * Runs compiled SQL with its parameters on the connection pool behind a Kysely instance, as Kysely's own
 * executor would (a connection checked out for the statement and given back, the same result), without its
 * layers: see {@link runPreparedQueriesOn}.
 */
export type PreparedQueryRunner = (
  sql: string,
  parameters: readonly unknown[],
) => Promise<QueryResult<unknown>>;

const runners = new WeakMap<object, PreparedQueryRunner>();

/**
 * Prepared queries given `db` itself run through `run` instead of Kysely's executor, which wraps each
 * statement in several promises (connection provider, driver, connection, result transform): about 6 µs of
 * CPU per query, more than a prepared statement's own work in JavaScript. Only for the instance a database
 * adapter made with no plugins or connection hooks, so that skipping the executor skips nothing else; a
 * transaction or a `withPlugin` copy is another instance and keeps Kysely's path.
 */
export function runPreparedQueriesOn<DB>(db: Kysely<DB>, run: PreparedQueryRunner): void {
  runners.set(db, run);
}

/** A query built and compiled once, then run with new arguments: see {@link preparedQuery}. */
export interface PreparedQuery<DB, A extends readonly unknown[], R> {
  /** Runs the query on `db` (the pool or a transaction) with `args` in place of the builder's parameters. */
  execute(db: Kysely<DB>, ...args: A): Promise<QueryResult<R>>;
  /** The SQL it runs (for tests and logs). */
  sql(db: Kysely<DB>): string;
}

/**
 * A hot query of fixed shape, built with Kysely's query builder and compiled to SQL once (on first use)
 * instead of on every call: building and compiling a query costs tens of µs of CPU, more than binding and
 * sending it. `build` receives stand-ins for its arguments and must use each only as a value (a parameter of
 * the SQL), never to decide the query's shape: no `if` on an argument, no list whose length varies. What the
 * builder passes as constants stays as it was compiled. With named statements on the pool, the SQL text is
 * also what PostgreSQL has already parsed and planned.
 *
 * On the pool of a PostgreSQL adapter it runs without Kysely's executor ({@link runPreparedQueriesOn}).
 *
 * ```ts
 * const userById = preparedQuery((db: Kysely<UsersTables>, id: string) =>
 *   db.selectFrom('users.user_views').selectAll().where('id', '=', id));
 * const { rows } = await userById.execute(this.db, id);
 * ```
 */
export function preparedQuery<DB, A extends readonly unknown[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
  /** How many arguments follow `db`: give it when `build` gathers some in a rest parameter. */
  arity = build.length - 1,
): PreparedQuery<DB, A, R> {
  let compiled: Compiled | undefined;
  const compile = (db: Kysely<DB>): Compiled => {
    const slots = Array.from({ length: arity }, (_, index) => new Slot(index));
    const template = build(db, ...(slots as unknown as A)).compile();
    const used = new Set<number>();
    const parameters = template.parameters.map((value) => {
      if (!(value instanceof Slot)) return { value };
      used.add(value.index);
      return value;
    });
    if (used.size !== slots.length) {
      throw new Error(
        `preparedQuery: every argument must be a parameter of the SQL; ${slots.length - used.size} of ${slots.length} are not (used as something other than a value?)`,
      );
    }
    return { template, parameters };
  };
  return {
    async execute(db, ...args) {
      compiled ??= compile(db);
      const { template } = compiled;
      const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p.value));
      const run = runners.get(db);
      if (run !== undefined) return (await run(template.sql, parameters)) as QueryResult<R>;
      const query: CompiledQuery<R> = {
        query: template.query,
        sql: template.sql,
        parameters,
        queryId: createQueryId(),
      };
      return await db.executeQuery(query);
    },
    sql(db) {
      compiled ??= compile(db);
      return compiled.template.sql;
    },
  };
}
