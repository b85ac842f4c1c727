import { readOutboxStatus } from '@contextflow/runtime/operations';
import { formatAge, formatTable } from './format-dead-letters.js';
import type { OperatorIo } from './operator-io.js';
import { withOperatorDatabase } from './operator-database.js';

/** Prints the outbox backlog (in all and per kind); throws an `OperatorError` when PostgreSQL is unreachable. */
export async function runOutboxStatus(options: {
  readonly databaseUrl: string;
  readonly io: OperatorIo;
}): Promise<number> {
  const status = await withOperatorDatabase(options.databaseUrl, readOutboxStatus);
  const now = new Date();
  const row = (kind: string, backlog: { pending: number; oldestAgeSeconds: number; retried: number }) => [
    kind,
    String(backlog.pending),
    backlog.pending === 0 ? '-' : formatAge(new Date(now.getTime() - backlog.oldestAgeSeconds * 1000), now),
    String(backlog.retried),
  ];
  const lines = formatTable(
    ['KIND', 'PENDING', 'OLDEST', 'RETRIED'],
    [row('command', status.byKind.command), row('event', status.byKind.event), row('all', status)],
  );
  for (const line of lines) options.io.out(line);
  return 0;
}
