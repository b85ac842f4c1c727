// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type DomainEvent, eventRoutingKey } from '@contextflow/core';
import type { Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { Db } from '../db/db.js';
import { appendOutbox } from '../db/append-outbox.js';
import type { PlatformTables } from '../db/platform-tables.js';
import { MessageContext, messageHeaders } from './message-context.js';
import type { OutboxWriter } from './outbox-writer.js';

/**
 * {@link OutboxWriter} over `platform.outbox`. It takes `Db` from the container it is resolved in, so register it
 * as transient or container-scoped, never as a singleton (that would pin the root handle, not the transaction).
 */
@injectable()
export class PgOutboxWriter implements OutboxWriter {
  constructor(
    @inject(Db) private readonly db: Kysely<PlatformTables>,
    @inject(MessageContext, { isOptional: true }) private readonly context?: MessageContext,
  ) {}

  async append(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const headers = JSON.stringify(messageHeaders(this.context));
    await appendOutbox(
      this.db,
      events.map((event) => ({
        message_id: event.id,
        kind: 'event' as const,
        routing_key: eventRoutingKey(event),
        body: JSON.stringify(event),
        headers,
      })),
    );
  }
}
