import { AggregateRoot } from '@contextflow/core';
import { __Agg__CreatedEvent } from './__agg__-created-event.js';
import { __Agg__Title } from './__agg__-title.js';
import type { Stamp } from './stamp.js';

/** The persisted state of a {@link __Agg__}, in plain values: what repositories store and restore. */
export interface __Agg__Snapshot {
  readonly id: string;
  readonly title: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The aggregate version: 1 after creation, one more per recorded event. */
  readonly version: number;
}

/** Every event the {@link __Agg__} aggregate records, discriminated by `type`. */
export type __Agg__Event = __Agg__CreatedEvent;

/** The aggregate of the __ctx__ context. Add its behaviour as methods that check a rule, change state and record an event. */
export class __Agg__ extends AggregateRoot<__Agg__Event> {
  #title: __Agg__Title;
  #createdAt: Date;
  #updatedAt: Date;

  private constructor(
    id: string,
    version: number,
    state: { title: __Agg__Title; createdAt: Date; updatedAt: Date },
  ) {
    super(id, version);
    this.#title = state.title;
    this.#createdAt = state.createdAt;
    this.#updatedAt = state.updatedAt;
  }

  /** A new __agg__; records {@link __Agg__CreatedEvent}. */
  static create(input: { id: string; title: __Agg__Title }, stamp: Stamp): __Agg__ {
    const __agg__ = new __Agg__(input.id, 0, {
      title: input.title,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    });
    __agg__.record({
      ...__Agg__CreatedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { title: input.title.value },
    });
    return __agg__;
  }

  /** Rebuilds a stored __agg__, with no pending events; its values are checked again on the way in. */
  static restore(snapshot: __Agg__Snapshot): __Agg__ {
    return new __Agg__(snapshot.id, snapshot.version, {
      title: __Agg__Title.of(snapshot.title),
      createdAt: new Date(snapshot.createdAt),
      updatedAt: new Date(snapshot.updatedAt),
    });
  }

  /** The title. */
  get title(): __Agg__Title {
    return this.#title;
  }

  /** The current state in plain values, for repositories. */
  toSnapshot(): __Agg__Snapshot {
    return {
      id: this.id,
      title: this.#title.value,
      createdAt: new Date(this.#createdAt),
      updatedAt: new Date(this.#updatedAt),
      version: this.version,
    };
  }
}
