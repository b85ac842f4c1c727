import type { Clock, IdGenerator } from '@contextflow/core';

/** What an aggregate method needs to record an event: the event's id and the moment it happened. */
export interface Stamp {
  readonly eventId: string;
  readonly at: Date;
}

/** A fresh stamp from the injected id generator and clock; one per recorded event. */
export function newStamp(ids: IdGenerator, clock: Clock): Stamp {
  return { eventId: ids.next(), at: clock.now() };
}
