import type { PGlite } from '@electric-sql/pglite';
import {
  type Dialect,
  Kysely,
  type KyselyConfig,
  PGliteAdapter,
  PGliteDialect,
  type Transaction,
  type TransactionBuilder,
} from 'kysely';
import { SingleSessionDriver } from './single-session-driver.js';
import { SessionOwner } from './session-owner.js';

// The driver serializes callers itself, and refuses a root-handle query from inside the transaction that holds
// the session; Kysely's own single-connection mutex would make that query wait for itself instead.
class DriverSerializedAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** Runs each transaction of the builder in the flow {@link SessionOwner} tracks. */
function owned<DB>(builder: TransactionBuilder<DB>, owner: SessionOwner): TransactionBuilder<DB> {
  const wrapped: Pick<TransactionBuilder<DB>, 'execute' | 'setAccessMode' | 'setIsolationLevel'> = {
    execute: <T>(callback: (trx: Transaction<DB>) => Promise<T>) =>
      owner.runTransaction(() => builder.execute(callback)),
    setAccessMode: (mode) => owned(builder.setAccessMode(mode), owner),
    setIsolationLevel: (level) => owned(builder.setIsolationLevel(level), owner),
  };
  // TransactionBuilder is a class with private state; callers only use these three methods.
  return wrapped as TransactionBuilder<DB>;
}

class PgliteKysely<DB> extends Kysely<DB> {
  constructor(
    config: KyselyConfig,
    private readonly owner: SessionOwner,
  ) {
    super(config);
  }

  override transaction(): TransactionBuilder<DB> {
    return owned(super.transaction(), this.owner);
  }
}

/**
 * Kysely on PGlite's single session: every query and transaction waits its turn, and none joins a transaction
 * it was not handed. A query (or a transaction) on this root handle from inside a transaction's callback is
 * refused with an error saying why — where PostgreSQL would have run it on a second pooled connection.
 */
export function createPgliteKysely<DB>(pglite: PGlite): Kysely<DB> {
  const owner = new SessionOwner();
  const inner = new PGliteDialect({ pglite });
  const dialect: Dialect = {
    createAdapter: () => new DriverSerializedAdapter(),
    createDriver: () => new SingleSessionDriver(inner.createDriver(), owner),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
  return new PgliteKysely<DB>({ dialect }, owner);
}
