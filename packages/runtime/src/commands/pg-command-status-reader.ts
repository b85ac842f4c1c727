// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { UUID_PATTERN } from '@contextflow/core';
import { type CommandRecord, type CommandStatusReader, isTerminal } from '@contextflow/core-infra';
import { Db, type PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { CommandNotifications } from './command-notifications.js';
import { toCommandRecord } from './to-command-record.js';

/** Type prefix of the commands that report progress (operator actions). */
const OPERATIONS_PREFIX = 'operations.';

/** {@link CommandStatusReader} over `platform.commands`, woken by `cf_command_done` notifications. */
@injectable()
export class PgCommandStatusReader implements CommandStatusReader {
  constructor(
    @inject(Db) private readonly db: Kysely<PlatformTables>,
    @inject(CommandNotifications) private readonly notifications: CommandNotifications,
  ) {}

  async find(id: string): Promise<CommandRecord | null> {
    // Not a UUID cannot be a command id; asking PostgreSQL would be a cast error, not "not found".
    if (!UUID_PATTERN.test(id)) return null;
    const row = await this.db
      .selectFrom('platform.commands')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    // Only operator actions report progress, written apart from their unit of work.
    const progress = row.type.startsWith(OPERATIONS_PREFIX)
      ? await this.db
          .selectFrom('platform.command_progress')
          .select(['done', 'failed', 'total', 'updated_at'])
          .where('command_id', '=', id)
          .executeTakeFirst()
      : undefined;
    return toCommandRecord(row, progress);
  }

  async waitUntilDone(id: string, timeoutMs: number): Promise<CommandRecord | null> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      // Subscribe before reading: a completion between the read and the wait still wakes us.
      const wake = await this.notifications.subscribe(id);
      try {
        const record = await this.find(id);
        const remaining = deadline - performance.now();
        if (record === null || isTerminal(record.status) || remaining <= 0) return record;
        if (!(await wake.until(remaining))) return await this.find(id);
      } finally {
        wake.cancel();
      }
    }
  }
}
