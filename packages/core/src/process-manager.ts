import type { DomainEvent } from './domain-event.js';
import type { ScheduleTime } from './message-scheduler.js';
import type { Command } from './messages.js';

/** The event a process receives when one of its timeouts is due: type `<process>.<timeout>`, version 1. */
export interface ProcessTimeoutPayload {
  /** The process instance it belongs to. */
  readonly correlationId: string;
  /** The timeout's name, as scheduled. */
  readonly timeout: string;
  /** What was handed to `schedule`. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * One instance of a process while it reacts to a message. Everything asked here happens in the unit of work
 * of the message being handled (with its inbox dedupe): the state is saved with an optimistic version check,
 * commands are accepted, timeouts scheduled and cancelled, all or nothing.
 */
export interface ProcessContext<S> {
  /** The instance: the correlation id `correlate` returned (or the timeout carried). */
  readonly correlationId: string;
  /** Its state; `undefined` before it started (or after a redelivered completion). */
  readonly state: S | undefined;
  /** Saves `state`: starts the process when it had none. */
  save(state: S): void;
  /** Sends a queued command (accepted in this unit of work). */
  send(command: Command): void;
  /** Schedules the timeout `name` of this instance (replacing a pending one of that name). */
  schedule(name: string, when: ScheduleTime, data?: Readonly<Record<string, unknown>>): void;
  /** Cancels the pending timeout `name`, if any. */
  cancel(name: string): void;
  /**
   * Completes the process: its pending timeouts are cancelled, its row kept for the retention window, and what
   * still reaches it later is skipped without calling `react`.
   */
  complete(): void;
}

/**
 * A process manager (saga): reacts to events and to its own timeouts over time, keeping state per instance.
 * A plain class of the application layer; the module registers it with the events and timeouts it reacts to.
 */
export interface ProcessManager<S = unknown> {
  /** The instance `event` belongs to, or `undefined` when it concerns no instance (ignored). */
  correlate(event: DomainEvent): string | undefined;
  /**
   * Reacts to `event`: an event it subscribed to, or one of its timeouts (type `<process>.<timeout>`, payload
   * {@link ProcessTimeoutPayload}). Throws an `AppError` to refuse the event (logged and acked), anything else to
   * have it retried.
   */
  react(event: DomainEvent, process: ProcessContext<S>): Promise<void>;
}
