import type { DomainEvent } from './domain-event.js';
import type { Command } from './messages.js';
import { token } from './token.js';

/** When a scheduled message is due: a point in time, or a delay from the scheduler's clock's now. */
export type ScheduleTime = Date | { readonly afterMs: number };

/**
 * Schedules commands and events for later, durably and in the current unit of work: a message scheduled by a
 * handler whose unit of work rolls back is never scheduled, and one scheduled by a unit that commits is handed
 * to the outbox once due, exactly once, by one worker. A message is scheduled under a key (unique across the
 * system; prefix it with your context): scheduling under a key already pending replaces that message.
 */
export interface MessageScheduler {
  /** Queues `command` (like `CommandBus.send`) when due; its `meta.commandId` is the command's id then. */
  scheduleCommand(key: string, when: ScheduleTime, command: Command): Promise<void>;
  /** Publishes `event` through the outbox when due, with its id and routing key. */
  scheduleEvent(key: string, when: ScheduleTime, event: DomainEvent): Promise<void>;
  /** Cancels the message pending under `key`; false when there is none (never scheduled, fired or cancelled). */
  cancel(key: string): Promise<boolean>;
}

/** Token of {@link MessageScheduler}. */
export const MessageScheduler = token<MessageScheduler>('core.MessageScheduler');
