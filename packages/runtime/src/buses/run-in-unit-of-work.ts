import { AfterUnitOfWork, Db, OutboxWriter } from '@contextflow/core-infra/db';
import type { Kysely, Transaction } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { MessageContext } from '../commands/message-context.js';
import { AfterWorkQueue } from './after-work-queue.js';

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
 * resolves; rolls back and rethrows its error unchanged when it throws. Then it runs, on the root handle, what
 * the work handed to the scope's {@link AfterUnitOfWork}. When `db` already is a transaction, the work joins it
 * instead of opening another (and its after-work waits for the unit that opened it).
 */
export async function runInUnitOfWork<T, DB>(
  container: DependencyContainer,
  db: Kysely<DB>,
  work: (scope: DependencyContainer, trx: Transaction<DB>) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  const after = db.isTransaction ? undefined : new AfterWorkQueue(db as Kysely<unknown>);
  const inScope = async (trx: Transaction<DB>): Promise<T> => {
    const scope = container.createChildContainer();
    scope.register(Db, { useValue: trx });
    if (after !== undefined) scope.register(AfterUnitOfWork, { useValue: after });
    if (options.context !== undefined) scope.register(MessageContext, { useValue: options.context });
    if (options.outbox !== undefined) scope.register(OutboxWriter, { useValue: options.outbox });
    try {
      return await work(scope, trx);
    } finally {
      await scope.dispose();
    }
  };
  if (after === undefined) return inScope(db as Transaction<DB>);
  let result: T;
  try {
    result = await db.transaction().execute(inScope);
  } catch (error) {
    // The unit's own error wins; what had to outlive it is still written.
    await after.drain().catch(() => undefined);
    throw error;
  }
  await after.drain();
  return result;
}
