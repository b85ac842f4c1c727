import type { DomainEvent, ProcessContext, ProcessManager } from '@contextflow/core';
import { __Ctx__EventTypes } from '../contracts/__ctx__-event-types.js';

/** What the process keeps per __agg__. */
export interface FollowUp__Agg__State {
  readonly createdAt: string;
}

/**
 * The shape of a process manager: it starts when a __agg__ is created, keeps a state row per __agg__, and wakes
 * up once a day later (its `follow-up` timeout) to complete. A real one sends commands there
 * (`process.send(...)`) and cancels its timeout when a later event makes it moot (`process.cancel(...)`).
 */
export class FollowUp__Agg__Process implements ProcessManager<FollowUp__Agg__State> {
  /** Its name: consumer, queue, and the key of its state rows. */
  static readonly processName = '__ctx__.follow-up-__agg__';
  /** Its one timeout, delivered back to it as the event `__ctx__.follow-up-__agg__.follow-up`. */
  static readonly followUp = 'follow-up';
  /** How long after the creation it follows up. */
  static readonly afterMs = 24 * 60 * 60 * 1000;

  correlate(event: DomainEvent): string {
    return event.aggregateId;
  }

  async react(event: DomainEvent, process: ProcessContext<FollowUp__Agg__State>): Promise<void> {
    if (event.type === __Ctx__EventTypes.__agg__Created) {
      process.save({ createdAt: event.occurredAt });
      process.schedule(FollowUp__Agg__Process.followUp, { afterMs: FollowUp__Agg__Process.afterMs });
      return;
    }
    process.complete();
  }
}
