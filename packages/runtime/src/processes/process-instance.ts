import type { Command, ProcessContext, ScheduleTime } from '@contextflow/core';

/** A timeout a process asked for, by name. */
export interface TimeoutRequest {
  readonly name: string;
  readonly when: ScheduleTime;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The {@link ProcessContext} a process reacts with: it records what the process asks for, and the runner
 * carries it out afterwards, in the same unit of work, in one place.
 */
export class ProcessInstance<S> implements ProcessContext<S> {
  readonly commands: Command[] = [];
  /** Timeouts to schedule (by name, the last request wins) and to cancel. */
  readonly timeouts = new Map<string, TimeoutRequest | 'cancel'>();
  #state: S | undefined;
  #saved = false;
  #completed = false;

  constructor(
    readonly correlationId: string,
    state: S | undefined,
  ) {
    this.#state = state;
  }

  get state(): S | undefined {
    return this.#state;
  }

  /** Whether the process saved a state or completed: its row changes. */
  get changed(): boolean {
    return this.#saved || this.#completed;
  }

  get isCompleted(): boolean {
    return this.#completed;
  }

  save(state: S): void {
    this.#state = state;
    this.#saved = true;
  }

  send(command: Command): void {
    this.commands.push(command);
  }

  schedule(name: string, when: ScheduleTime, data: Readonly<Record<string, unknown>> = {}): void {
    this.timeouts.set(name, { name, when, data });
  }

  cancel(name: string): void {
    this.timeouts.set(name, 'cancel');
  }

  complete(): void {
    this.#completed = true;
  }
}
