import { cancelScheduledMessage, listScheduledMessages } from '@contextflow/runtime/operations';
import type { SchedulesCommand } from './cli.js';
import { formatTable } from './format-dead-letters.js';
import { withOperatorDatabase } from './operator-database.js';
import type { OperatorIo } from './operator-io.js';

/**
 * `schedules list` prints the scheduled messages, soonest due first; `schedules cancel <key>` cancels one
 * (exit code 1 when nothing is scheduled under the key). Throws an `OperatorError` when PostgreSQL is unreachable.
 */
export async function runSchedules(
  command: SchedulesCommand,
  options: { readonly databaseUrl: string; readonly io: OperatorIo },
): Promise<number> {
  const { io } = options;
  if (command.action === 'cancel') {
    const cancelled = await withOperatorDatabase(options.databaseUrl, (db) =>
      cancelScheduledMessage(db, command.key),
    );
    if (cancelled) io.out(`cancelled ${command.key}`);
    else io.err(`nothing is scheduled under ${command.key} (fired, cancelled or never scheduled)`);
    return cancelled ? 0 : 1;
  }
  const messages = await withOperatorDatabase(options.databaseUrl, (db) =>
    listScheduledMessages(db, command.limit),
  );
  const rows = messages.map((message) => [
    message.key,
    message.kind,
    message.messageType,
    message.dueAt.toISOString(),
  ]);
  for (const line of formatTable(['KEY', 'KIND', 'TYPE', 'DUE'], rows)) io.out(line);
  return 0;
}
