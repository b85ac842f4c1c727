import type { ChildProcess } from 'node:child_process';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

interface Answer {
  readonly kind: 'contextflow.query';
  readonly id: number;
  readonly rows?: unknown[];
  readonly error?: string;
}

const isAnswer = (message: unknown): message is Answer =>
  typeof message === 'object' &&
  message !== null &&
  (message as Partial<Answer>).kind === 'contextflow.query' &&
  typeof (message as Partial<Answer>).id === 'number';

/** Sends each compiled query to the child and waits for its rows. */
class IpcConnection implements DatabaseConnection {
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: unknown) => {
      if (!isAnswer(message)) return;
      const waiter = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error === undefined) waiter?.resolve(message.rows ?? []);
      else waiter?.reject(new Error(`query failed in the app process: ${message.error}`));
    });
    child.once('exit', () => {
      for (const waiter of this.#pending.values()) waiter.reject(new Error('the app process exited'));
      this.#pending.clear();
    });
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.#nextId++;
    const rows = new Promise<unknown[]>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    this.child.send({ kind: 'contextflow.query', id, query });
    return { rows: (await rows) as R[] };
  }

  // oxlint-disable-next-line require-yield -- an async generator only to satisfy the interface
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not available over IPC');
  }
}

class IpcDriver implements Driver {
  readonly #connection: IpcConnection;

  constructor(child: ChildProcess) {
    this.#connection = new IpcConnection(child);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('no transactions over IPC: each query runs in its own read-only transaction');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Kysely handle whose queries run inside an app process started with an IPC channel and NODE_ENV=test
 * (see `answerQueriesOverIpc` in `src/`): how the e2e tests read an embedded database, which only the
 * process that holds its single session can reach. Read-only; `destroy()` leaves the process running.
 */
export function kyselyOverIpc(child: ChildProcess): Kysely<unknown> {
  return new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new IpcDriver(child),
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createIntrospector: (db) => new PostgresIntrospector(db),
    },
  });
}
