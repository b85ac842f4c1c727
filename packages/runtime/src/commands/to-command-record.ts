import type { CommandRecord, ProblemDetails } from '@contextflow/core-infra';
import type { CommandProgressTable, CommandsTable } from '@contextflow/core-infra/db';
import type { Selectable } from 'kysely';
import { timestampText } from '../database/timestamp-text.js';

/** Maps a `platform.commands` row to the record the platform shows. */
export function toCommandRecord(
  row: Pick<
    Selectable<CommandsTable>,
    'id' | 'type' | 'status' | 'result' | 'error' | 'issued_by' | 'created_at' | 'updated_at'
  >,
  progress?: Pick<Selectable<CommandProgressTable>, 'done' | 'failed' | 'total' | 'updated_at'>,
): CommandRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    result: row.result ?? null,
    error: (row.error ?? null) as ProblemDetails | null,
    issuedBy: row.issued_by,
    createdAt: timestampText(row.created_at),
    updatedAt: timestampText(row.updated_at),
    ...(progress === undefined
      ? {}
      : {
          progress: {
            done: progress.done,
            failed: progress.failed,
            total: progress.total,
            updatedAt: timestampText(progress.updated_at),
          },
        }),
  };
}
