import type { Runtime } from '@contextflow/runtime';

type CompiledQuery = Parameters<Runtime['db']['executeQuery']>[0];

/** What the parent process sends: a query Kysely compiled on its side, and an id to match the answer. */
interface QueryRequest {
  readonly kind: 'contextflow.query';
  readonly id: number;
  readonly query: CompiledQuery;
}

const isQueryRequest = (message: unknown): message is QueryRequest =>
  typeof message === 'object' &&
  message !== null &&
  (message as Partial<QueryRequest>).kind === 'contextflow.query' &&
  typeof (message as Partial<QueryRequest>).id === 'number';

/**
 * Answers read-only queries from the parent process over its IPC channel (the e2e harness reads the tables
 * this way): embedded PGlite has exactly one session, held by this process, so nothing outside can connect.
 * Each query runs in its own read-only transaction, taking its turn with the app's work.
 */
export function answerQueriesOverIpc(db: Runtime['db']): void {
  const send = process.send?.bind(process);
  if (send === undefined) return;
  process.on('message', (message: unknown) => {
    if (!isQueryRequest(message)) return;
    const { id, query } = message;
    void db
      .transaction()
      .execute(async (trx) => {
        // PGlite's driver ignores Kysely's access mode, so the transaction is made read-only by hand.
        await trx
          .selectNoFrom((eb) =>
            eb.fn('set_config', [eb.val('transaction_read_only'), eb.val('on'), eb.val(true)]).as('mode'),
          )
          .execute();
        return trx.executeQuery(query);
      })
      .then(
        (result) => send({ kind: 'contextflow.query', id, rows: result.rows }),
        (error: unknown) =>
          send({
            kind: 'contextflow.query',
            id,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
  });
}
