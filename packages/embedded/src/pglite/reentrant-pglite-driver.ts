import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { SessionOwner } from './session-owner.js';

/** The one PGlite connection, seen either by the flow that holds it or by code nested inside that flow. */
class Lease implements DatabaseConnection {
  constructor(
    readonly connection: DatabaseConnection,
    /** Acquired from inside the flow that holds the connection: it neither locks nor opens a transaction. */
    readonly nested: boolean,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.connection.executeQuery<R>(query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.connection.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Kysely driver over PGlite's single session: one caller at a time holds the connection (FIFO), like a pool
 * of one, except that code running *inside* the transaction that holds it (see {@link SessionOwner}) is let
 * through instead of waiting for itself forever. With PostgreSQL, a query on the root
 * handle inside a unit of work runs on another pooled connection; here it joins the open transaction (there
 * is no other session), and a transaction opened there joins it too (PGlite has no savepoints to nest).
 */
export class ReentrantPgliteDriver implements Driver {
  readonly #waiters: (() => void)[] = [];
  #locked = false;
  #leases: { primary: Lease; nested: Lease } | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly owner: SessionOwner,
  ) {}

  async init(): Promise<void> {
    await this.inner.init();
    const connection = await this.inner.acquireConnection();
    this.#leases = { primary: new Lease(connection, false), nested: new Lease(connection, true) };
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const leases = this.#leases;
    if (leases === undefined) throw new Error('the PGlite driver is not initialised');
    if (this.owner.isHolder()) return leases.nested;
    await this.#lock();
    return leases.primary;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if ((connection as Lease).nested) return;
    this.owner.release();
    this.#unlock();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const lease = connection as Lease;
    if (lease.nested) return;
    await this.inner.beginTransaction(lease.connection, settings);
    this.owner.claim();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.nested) await this.inner.commitTransaction(lease.connection);
  }

  // A nested "transaction" that fails leaves its writes to the enclosing one, which usually rolls back too.
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.nested) await this.inner.rollbackTransaction(lease.connection);
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
