import { findProcesses, listProcesses } from '@contextflow/runtime/operations';
import type { ProcessesCommand } from './cli.js';
import { formatTable } from './format-dead-letters.js';
import { withOperatorDatabase } from './operator-database.js';
import type { OperatorIo } from './operator-io.js';

/**
 * `processes list` prints the running process instances (with `--all` the completed ones too); `processes
 * show <correlation-id>` prints each instance with that id and its state (exit code 1 when there is none).
 * Throws an `OperatorError` when PostgreSQL is unreachable.
 */
export async function runProcesses(
  command: ProcessesCommand,
  options: { readonly databaseUrl: string; readonly io: OperatorIo },
): Promise<number> {
  const { io } = options;
  if (command.action === 'show') {
    const found = await withOperatorDatabase(options.databaseUrl, (db) => findProcesses(db, command.id));
    if (found.length === 0) {
      io.err(`no process instance has the correlation id ${command.id}`);
      return 1;
    }
    for (const process of found) {
      io.out(`${process.process} ${process.correlationId}`);
      io.out(`  status   ${process.status} (version ${process.version})`);
      io.out(`  started  ${process.startedAt.toISOString()}`);
      io.out(`  updated  ${process.updatedAt.toISOString()}`);
      io.out(`  state    ${JSON.stringify(process.state)}`);
    }
    return 0;
  }
  const listed = await withOperatorDatabase(options.databaseUrl, (db) =>
    listProcesses(db, { limit: command.limit, all: command.all }),
  );
  const rows = listed.map((process) => [
    process.process,
    process.correlationId,
    process.status,
    String(process.version),
    process.updatedAt.toISOString(),
  ]);
  for (const line of formatTable(['PROCESS', 'CORRELATION ID', 'STATUS', 'VERSION', 'UPDATED'], rows))
    io.out(line);
  return 0;
}
