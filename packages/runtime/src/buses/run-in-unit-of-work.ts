import { Db, OutboxWriter } from '@contextflow/core-infra/db';
import type { Kysely, Transaction } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { MessageContext } from '../commands/message-context.js';

/** Options of {@link runInUnitOfWork}. */
export interface UnitOfWorkOptions {
  /** The message being handled; registered as {@link MessageContext} so the outbox stamps what it writes. */
  readonly context?: MessageContext;
  /** The outbox the work's repositories write to, instead of the container's (which writes at once). */
  readonly outbox?: OutboxWriter;
}

/**
 * Runs `work` in one transaction with a child container of `container` in which `Db` is that transaction, so
 * everything resolved from `scope` (repositories, read models, the outbox) writes in it. Commits when `work`
 * resolves; rolls back and rethrows its error unchanged when it throws. When `db` already is a transaction, the
 * work joins it instead of opening another.
 */
export async function runInUnitOfWork<T, DB>(
  container: DependencyContainer,
  db: Kysely<DB>,
  work: (scope: DependencyContainer, trx: Transaction<DB>) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  const inScope = async (trx: Transaction<DB>): Promise<T> => {
    const scope = container.createChildContainer();
    scope.register(Db, { useValue: trx });
    if (options.context !== undefined) scope.register(MessageContext, { useValue: options.context });
    if (options.outbox !== undefined) scope.register(OutboxWriter, { useValue: options.outbox });
    try {
      return await work(scope, trx);
    } finally {
      await scope.dispose();
    }
  };
  if (db.isTransaction) return inScope(db as Transaction<DB>);
  return db.transaction().execute(inScope);
}
