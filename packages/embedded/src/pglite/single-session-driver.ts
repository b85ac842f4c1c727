import type { DatabaseConnection, Driver, TransactionSettings } from 'kysely';
import type { SessionOwner } from './session-owner.js';

/** Why a query is refused: it was made on the root handle from inside the transaction that holds the session. */
export const SESSION_HELD_MESSAGE =
  'PGlite has a single session and the transaction this query was issued from holds it: a query on the root ' +
  'database handle would wait for that transaction, which waits for the query. Run it on the transaction ' +
  "(the unit of work's Db), or after the transaction ends.";

/**
 * Kysely driver over PGlite's single session: one caller at a time holds the connection (FIFO), like a pool
 * of one. A query on the root handle never joins a transaction it was not handed: from another async flow it
 * waits for the transaction to end, as it would for a pooled connection of PostgreSQL; from inside the
 * transaction that holds the session (see {@link SessionOwner}), where waiting would never end, it is refused
 * with {@link SESSION_HELD_MESSAGE} — on PostgreSQL it would have committed on a connection of its own.
 */
export class SingleSessionDriver implements Driver {
  readonly #waiters: (() => void)[] = [];
  #locked = false;
  #connection: DatabaseConnection | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly owner: SessionOwner,
  ) {}

  async init(): Promise<void> {
    await this.inner.init();
    this.#connection = await this.inner.acquireConnection();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = this.#connection;
    if (connection === undefined) throw new Error('the PGlite driver is not initialised');
    if (this.owner.isHolder()) throw new Error(SESSION_HELD_MESSAGE);
    await this.#lock();
    return connection;
  }

  async releaseConnection(): Promise<void> {
    this.owner.release();
    this.#unlock();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(connection, settings);
    this.owner.claim();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(connection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(connection);
  }

  async destroy(): Promise<void> {
    await this.inner.destroy();
  }

  async #lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  // Hands the lock straight to the next waiter, so nobody can cut in between.
  #unlock(): void {
    const next = this.#waiters.shift();
    if (next === undefined) this.#locked = false;
    else next();
  }
}
