// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { type DomainEvent, eventRoutingKey } from '@contextflow/core';
import { Db, type OutboxTable, type OutboxWriter, type PlatformTables } from '@contextflow/core-infra/db';
import type { Insertable, Kysely } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { appendOutbox } from '../database/append-outbox.js';
import { MessageContext, messageHeaders } from './message-context.js';

/** The outbox rows of `events`, stamped with the context of the message being handled (when there is one). */
export function eventOutboxRows(
  events: readonly DomainEvent[],
  context: MessageContext | undefined,
): Insertable<OutboxTable>[] {
  if (events.length === 0) return [];
  const headers = JSON.stringify(messageHeaders(context));
  return events.map((event) => ({
    message_id: event.id,
    kind: 'event' as const,
    routing_key: eventRoutingKey(event),
    body: JSON.stringify(event),
    headers,
  }));
}

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
    await appendOutbox(this.db, eventOutboxRows(events, this.context));
  }
}

/**
 * {@link OutboxWriter} that keeps the rows until its owner writes them with the statement that ends the unit of
 * work: the command dispatcher hands them to `CommandLedger.succeed`, which inserts them as it marks the
 * command `succeeded` (one round trip fewer per command that records events). The rows are in the outbox if
 * and only if that statement commits, as with {@link PgOutboxWriter}.
 */
export class BufferedOutboxWriter implements OutboxWriter {
  readonly #rows: Insertable<OutboxTable>[] = [];

  constructor(private readonly context?: MessageContext) {}

  append(events: readonly DomainEvent[]): Promise<void> {
    this.#rows.push(...eventOutboxRows(events, this.context));
    return Promise.resolve();
  }

  /** The rows appended so far, in order; the buffer is empty afterwards. */
  take(): Insertable<OutboxTable>[] {
    return this.#rows.splice(0);
  }
}
