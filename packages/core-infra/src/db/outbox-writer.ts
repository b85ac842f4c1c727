import { type DomainEvent, token } from '@contextflow/core';

/** Queues domain events for publication in the current transaction. */
export interface OutboxWriter {
  /**
   * Writes the events to the outbox through the `Db` of the current scope (the unit of work's transaction
   * inside a handler), so they are published if and only if that transaction commits. Nothing for an empty
   * list.
   */
  append(events: readonly DomainEvent[]): Promise<void>;
}

/** Token of {@link OutboxWriter}. */
export const OutboxWriter = token<OutboxWriter>('core-infra.OutboxWriter');
