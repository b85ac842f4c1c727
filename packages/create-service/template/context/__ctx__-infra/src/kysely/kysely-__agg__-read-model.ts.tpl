// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { UUID_PATTERN } from '@contextflow/core';
import { Db } from '@contextflow/core-infra/db';
import type { __Agg__ReadModel, __Agg__View } from '@__scope__/__ctx__-app';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { __Ctx__Tables } from './__ctx__-tables.js';

/** {@link __Agg__ReadModel} over `__ctx__.__ctx__`. */
@injectable()
export class Kysely__Agg__ReadModel implements __Agg__ReadModel {
  constructor(@inject(Db) private readonly db: Kysely<__Ctx__Tables>) {}

  async get(id: string): Promise<__Agg__View | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await this.db
      .selectFrom('__ctx__.__ctx__')
      .select(['id', 'title', 'created_at', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      id: row.id,
      title: row.title,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
