import { type Command, CommandBus, type DomainEvent } from '@contextflow/core';
import { FixedClock } from '@contextflow/core/testing';
import { type CommandRecord, CommandStatusReader, createLogger, type Logger } from '@contextflow/core-infra';
import { sql } from 'kysely';
import { eventOutboxRows } from '../commands/pg-outbox-writer.js';
import { appendOutbox } from '../database/append-outbox.js';
import type { TransportFactory } from '../messaging/transport-factory.js';
import { createRuntime } from '../runtime/create-runtime.js';
import type { Runtime, RuntimeOptions } from '../runtime/runtime.js';
import { nextDueAt } from '../scheduling/fire-due-messages.js';
import { trackedTransport } from './tracked-transport.js';

/** Options of {@link startTestHarness}: a runtime's, with a transport required and the clock's start. */
export interface TestHarnessOptions extends Omit<RuntimeOptions, 'clock' | 'transport' | 'logger'> {
  readonly transport: TransportFactory;
  /** Where the harness's clock starts (default 2026-01-01T00:00:00Z). */
  readonly start?: Date | string | undefined;
  /** Default: silent. */
  readonly logger?: Logger | undefined;
  /** How long {@link TestHarness.settle} waits for the system to go quiet before it throws (default 30 s). */
  readonly settleTimeoutMs?: number | undefined;
}

/** Options of {@link TestHarness.settle}. */
export interface SettleOptions {
  /** Also fire the scheduled messages due within this many ms of the clock, moving the clock to each. */
  readonly horizonMs?: number;
}

/** A runtime under test, with a clock the test moves and a way to wait for everything to settle. */
export interface TestHarness {
  readonly runtime: Runtime;
  /** The clock of every handler, process and the scheduler; it stands still until the harness moves it. */
  readonly clock: FixedClock;
  /** Sends a queued command, waits until everything it caused settled, and returns its record. */
  send(command: Command): Promise<CommandRecord>;
  /** Publishes an event (through the outbox, as a handler would) and waits until everything it caused settled. */
  publish(event: DomainEvent): Promise<void>;
  /**
   * Waits until nothing is left to do: no unpublished outbox row, no command pending or processing, no message
   * in a work or retry queue nor in a handler, no scheduled message due; with `horizonMs`, fires each
   * scheduled message due within it (moving the clock to its time) and settles again after each.
   */
  settle(options?: SettleOptions): Promise<void>;
  /** Moves the clock forward by `ms`, firing (and settling) what falls due on the way. */
  advance(ms: number): Promise<void>;
  /** Stops the runtime. */
  stop(): Promise<void>;
}

/**
 * Starts a runtime (worker, relay and scheduler) on the given database and transport with a {@link FixedClock},
 * for tests of handlers, reactions and processes that want to see everything a message caused: `send` or
 * `publish`, then assert; `advance` makes timers fire without waiting. Retries wait 10 ms (three attempts) unless `retry` says otherwise.
 */
export async function startTestHarness(options: TestHarnessOptions): Promise<TestHarness> {
  const { start, settleTimeoutMs = 30_000, ...rest } = options;
  const clock = new FixedClock(start);
  const transport = trackedTransport(options.transport);
  const runtime = await createRuntime({
    ...rest,
    logger: options.logger ?? createLogger({ level: 'silent' }),
    clock,
    transport,
    migrate: options.migrate ?? true,
    retry: options.retry ?? { maxAttempts: 3, delaysMs: [10] },
  });
  await runtime.startWorker();
  await runtime.startRelay();
  const { db, topology } = runtime;
  const queues = [...topology.commandQueues.values(), ...topology.eventQueues.values()].flatMap((queue) => [
    queue.declaration.queue,
    ...queue.retryQueues.values(),
  ]);

  const busy = async (): Promise<string | undefined> => {
    if (transport.inFlight() > 0) return `${transport.inFlight()} handler(s) running`;
    const { rows } = await sql<{ outbox: string; commands: string; due: string }>`
      select (select count(*) from platform.outbox where sent_at is null) as outbox,
        (select count(*) from platform.commands where status in ('pending', 'processing')) as commands,
        (select count(*) from platform.scheduled_messages where due_at <= ${clock.now()}) as due`.execute(db);
    const counts = rows[0];
    if (Number(counts?.outbox) > 0) return `${counts?.outbox} outbox message(s) unpublished`;
    if (Number(counts?.due) > 0) return `${counts?.due} scheduled message(s) due`;
    const made = transport.made();
    for (const queue of queues) {
      const waiting = made === undefined ? 0 : await made.messageCount(queue);
      if (waiting > 0) return `${waiting} message(s) in ${queue}`;
    }
    if (Number(counts?.commands) > 0) return `${counts?.commands} command(s) not finished`;
    return undefined;
  };

  const quiet = async (): Promise<void> => {
    const deadline = Date.now() + settleTimeoutMs;
    let calm = 0;
    let last: string | undefined;
    // Quiet twice in a row: a message between the broker and its handler is in neither count for a moment.
    while (calm < 2) {
      if (Date.now() > deadline) throw new Error(`the system did not settle: ${last}`);
      last = await busy();
      calm = last === undefined ? calm + 1 : 0;
      if (last?.endsWith('due') === true) await runtime.fireDue();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const settle = async ({ horizonMs = 0 }: SettleOptions = {}): Promise<void> => {
    const until = clock.now().getTime() + horizonMs;
    await quiet();
    for (let next = await nextDueAt(db); next !== undefined && next.getTime() <= until; ) {
      clock.advance(Math.max(0, next.getTime() - clock.now().getTime()));
      await runtime.fireDue();
      await quiet();
      next = await nextDueAt(db);
    }
  };

  return {
    runtime,
    clock,
    send: async (command) => {
      await runtime.container.resolve<CommandBus>(CommandBus).send(command);
      await settle();
      const record = await runtime.container
        .resolve<CommandStatusReader>(CommandStatusReader)
        .find(command.meta.commandId);
      if (record === null) throw new Error(`command ${command.meta.commandId} was not recorded`);
      return record;
    },
    publish: async (event) => {
      await appendOutbox(db, eventOutboxRows([event], undefined));
      await settle();
    },
    settle,
    advance: async (ms) => {
      const target = clock.now().getTime() + ms;
      await settle({ horizonMs: ms });
      clock.advance(Math.max(0, target - clock.now().getTime()));
      await settle();
    },
    stop: () => runtime.stop({ deadlineMs: 5_000 }),
  };
}
