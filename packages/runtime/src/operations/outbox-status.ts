import type { OutboxTable, PlatformTables } from '@contextflow/core-infra/db';
import { type Kysely, sql } from 'kysely';

/** The unpublished messages of one kind. */
export interface OutboxBacklog {
  /** Rows not yet published. */
  readonly pending: number;
  /** Age of the oldest of them in seconds (0 when there is none). */
  readonly oldestAgeSeconds: number;
  /** Of those, rows whose publish already failed at least once (the broker refused or did not confirm). */
  readonly retried: number;
}

/** Where the outbox stands: the backlog in all and per kind (`command`, `event`). */
export interface OutboxStatus extends OutboxBacklog {
  readonly byKind: Readonly<Record<OutboxTable['kind'], OutboxBacklog>>;
}

const EMPTY: OutboxBacklog = Object.freeze({ pending: 0, oldestAgeSeconds: 0, retried: 0 });

/** Reads the outbox backlog with one query over the unsent rows (the relay's partial index). */
export async function readOutboxStatus(db: Kysely<PlatformTables>): Promise<OutboxStatus> {
  const { rows } = await sql<{
    kind: OutboxTable['kind'];
    pending: string;
    age: string | null;
    retried: string;
  }>`
    select kind, count(*) as pending, extract(epoch from now() - min(created_at)) as age,
      count(*) filter (where publish_attempts > 0) as retried
    from platform.outbox where sent_at is null group by kind
  `.execute(db);
  const byKind: Record<OutboxTable['kind'], OutboxBacklog> = { command: EMPTY, event: EMPTY };
  for (const row of rows) {
    byKind[row.kind] = {
      pending: Number(row.pending),
      oldestAgeSeconds: Math.max(0, Number(row.age ?? 0)),
      retried: Number(row.retried),
    };
  }
  const kinds = Object.values(byKind);
  return {
    pending: kinds.reduce((sum, kind) => sum + kind.pending, 0),
    oldestAgeSeconds: Math.max(...kinds.map((kind) => kind.oldestAgeSeconds)),
    retried: kinds.reduce((sum, kind) => sum + kind.retried, 0),
    byKind,
  };
}
