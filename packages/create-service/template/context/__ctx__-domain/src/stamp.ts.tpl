import type { Clock, IdGenerator } from '@contextflow/core';

/** When a change happens and the id of the event it may record; handlers make one per change. */
export interface Stamp {
  readonly eventId: string;
  readonly at: Date;
}

/** A stamp from the injected id generator and clock, so events stay deterministic under test fakes. */
export function newStamp(ids: IdGenerator, clock: Clock): Stamp {
  return { eventId: ids.next(), at: clock.now() };
}
