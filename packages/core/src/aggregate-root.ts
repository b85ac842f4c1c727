import type { DomainEvent } from './domain-event.js';

/**
 * Base of every aggregate: an id, a version for optimistic concurrency, and the domain events recorded since
 * it was loaded. Repositories save the state, check `version` against what they loaded, and take the events.
 */
export abstract class AggregateRoot<TEvent extends DomainEvent = DomainEvent> {
  #pending: TEvent[] = [];
  #version: number;

  protected constructor(
    readonly id: string,
    version: number,
  ) {
    this.#version = version;
  }

  /** The version the aggregate had when loaded (0 for a new one) plus one per recorded event. */
  get version(): number {
    return this.#version;
  }

  /** The version the store holds, which a save must find unchanged. */
  get persistedVersion(): number {
    return this.#version - this.#pending.length;
  }

  /** The events recorded since load, oldest first, without clearing them. */
  get pendingEvents(): readonly TEvent[] {
    return this.#pending;
  }

  /** Takes the recorded events; the repository calls this once the state is written. */
  pullEvents(): TEvent[] {
    const events = this.#pending;
    this.#pending = [];
    return events;
  }

  /** Records an event and bumps the version; the subclass has already applied the change to its state. */
  protected record(event: Unrecorded<TEvent>): void {
    this.#version += 1;
    this.#pending.push({
      ...event,
      aggregateId: this.id,
      aggregateVersion: this.#version,
    } as unknown as TEvent);
  }
}

/** An event before its aggregate stamps it with its id and version. */
export type Unrecorded<E extends DomainEvent> = E extends DomainEvent
  ? Omit<E, 'aggregateId' | 'aggregateVersion'>
  : never;
