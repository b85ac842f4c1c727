// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { __Ctx__RoutingKeys } from '@__scope__/__ctx__-app/contracts';
import type { DomainEvent, EventHandler } from '@contextflow/core';
import { Db } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { __Ctx__Tables } from '../kysely/__ctx__-tables.js';

/**
 * Records each created __agg__ in `__ctx__.__agg___activity`: the shape of an event reaction. It runs in the
 * dispatcher's unit of work (inbox claim included), so it commits once per event; the key makes a rerun harmless.
 */
@injectable()
export class RecordActivityOn__Agg__Created implements EventHandler<DomainEvent> {
  /** The consumer name: also the queue and the inbox key. */
  static readonly consumerName = '__ctx__.record-activity-on-__agg__-created';
  /** The routing keys it binds. */
  static readonly events = [__Ctx__RoutingKeys.__agg__CreatedV1] as const;

  constructor(@inject(Db) private readonly db: Kysely<__Ctx__Tables>) {}

  async handle(event: DomainEvent): Promise<void> {
    await this.db
      .insertInto('__ctx__.__agg___activity')
      .values({
        event_id: event.id,
        __agg___id: event.aggregateId,
        type: event.type,
        occurred_at: event.occurredAt,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
  }
}
