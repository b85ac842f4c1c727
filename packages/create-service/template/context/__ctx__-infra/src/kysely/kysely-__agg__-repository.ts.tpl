// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { UUID_PATTERN } from '@contextflow/core';
import { Db, OutboxWriter } from '@contextflow/core-infra/db';
import { __Agg__, type __Agg__Repository, __Ctx__Errors } from '@__scope__/__ctx__-domain';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { __Ctx__Tables } from './__ctx__-tables.js';

/**
 * {@link __Agg__Repository} over `__ctx__.__ctx__`. A save checks the version it loaded (optimistic
 * concurrency) and appends the recorded events to the outbox, through the `Db` of its scope: one transaction.
 */
@injectable()
export class Kysely__Agg__Repository implements __Agg__Repository {
  constructor(
    @inject(Db) private readonly db: Kysely<__Ctx__Tables>,
    @inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async findById(id: string): Promise<__Agg__ | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await this.db
      .selectFrom('__ctx__.__ctx__')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    return __Agg__.restore({
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    });
  }

  async save(__agg__: __Agg__): Promise<void> {
    if (__agg__.pendingEvents.length === 0) return;
    const s = __agg__.toSnapshot();
    const state = { title: s.title, version: s.version, updated_at: s.updatedAt };
    const written =
      __agg__.persistedVersion === 0
        ? await this.db
            .insertInto('__ctx__.__ctx__')
            .values({ id: s.id, ...state, created_at: s.createdAt })
            .onConflict((oc) => oc.column('id').doNothing())
            .executeTakeFirst()
        : await this.db
            .updateTable('__ctx__.__ctx__')
            .set(state)
            .where('id', '=', s.id)
            .where('version', '=', __agg__.persistedVersion)
            .executeTakeFirst();
    const rows =
      'numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows;
    if (rows !== 1n) throw __Ctx__Errors.concurrentUpdate();
    await this.outbox.append(__agg__.pullEvents());
  }
}
