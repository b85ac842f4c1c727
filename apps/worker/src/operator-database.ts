import { createDatabase } from '@contextflow/runtime';
import { describeError, OperatorError } from './operator-error.js';

/**
 * Runs an operator command's queries on a one-connection pool of `databaseUrl`, closed afterwards; a query
 * that fails becomes an {@link OperatorError} saying PostgreSQL could not be queried.
 */
export async function withOperatorDatabase<T>(
  databaseUrl: string,
  work: (db: ReturnType<typeof createDatabase>) => Promise<T>,
): Promise<T> {
  const db = createDatabase({ url: databaseUrl, poolSize: 1, applicationName: 'contextflow-cli' });
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof OperatorError) throw error;
    throw new OperatorError(`cannot query PostgreSQL: ${describeError(error)}`);
  } finally {
    await db.destroy();
  }
}
