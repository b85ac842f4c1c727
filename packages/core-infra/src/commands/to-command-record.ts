import type { Selectable } from 'kysely';
import type { ProblemDetails } from '../problem.js';
import type { CommandsTable } from '../db/platform-tables.js';
import type { CommandRecord } from './command-record.js';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Maps a `platform.commands` row to the record the platform shows. */
export function toCommandRecord(
  row: Pick<
    Selectable<CommandsTable>,
    'id' | 'type' | 'status' | 'result' | 'error' | 'issued_by' | 'created_at' | 'updated_at'
  >,
): CommandRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    result: row.result ?? null,
    error: (row.error ?? null) as ProblemDetails | null,
    issuedBy: row.issued_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
