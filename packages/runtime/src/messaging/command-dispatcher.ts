import type { Command, CommandHandler } from '@contextflow/core';
import {
  type ContextModule,
  currentTraceparent,
  type Logger,
  type MessageSchema,
  type Metrics,
  problem,
  toProblem,
  withTelemetryContext,
} from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer, InjectionToken } from 'tsyringe';
import { retryingRaces } from '../buses/optimistic-races.js';
import { runInUnitOfWork } from '../buses/run-in-unit-of-work.js';
import type { CommandLedger } from '../commands/command-ledger.js';
import { BufferedOutboxWriter } from '../commands/pg-outbox-writer.js';
import { messageTelemetry } from '../telemetry/message-telemetry.js';
import { type DatabaseGate, throughGate } from './database-gate.js';
import type { DeliveredMessage } from './delivered-message.js';
import type { FailureLog } from './failure-log.js';
import { outcomeOf } from './message-outcome.js';
import { parseCommand } from './message-parsers.js';
import { processSpan, settleInSpan } from './message-spans.js';
import type { Settlement } from './message-transport.js';
import { deadLetterPoison, lastProblem, recordDeath } from './record-death.js';
import { attemptOf, type RetryScheduler } from './retry-scheduler.js';
import type { WorkQueue } from './topology.js';

/** What the caller sees when every attempt failed: no internals, the logs have them. */
export const PROCESSING_FAILED = problem(
  500,
  'commands.processing_failed',
  'The command could not be processed. It may be retried by an operator.',
);

/** Dependencies of a {@link CommandDispatcher}. */
export interface CommandDispatcherOptions {
  readonly container: DependencyContainer;
  readonly db: Kysely<PlatformTables>;
  readonly ledger: CommandLedger;
  readonly retries: RetryScheduler;
  readonly logger: Logger;
  /** Holds a command whose run failed because the database is down until it is back (attempt not counted). */
  readonly gate?: DatabaseGate | undefined;
  /** Where the accept→done duration of each command goes. */
  readonly metrics?: Metrics | undefined;
  /** Where every message this dispatcher dead-letters is recorded, with its problem. */
  readonly failures?: FailureLog | undefined;
}

/**
 * Runs the commands of one context's queue. Each runs in one unit of work that first moves the command to
 * `processing` (skipping it when it is already terminal, so a redelivery is harmless), then runs the handler
 * and records the result. A final AppError marks the command failed; any other error is retried through the
 * delay queues, and after the last attempt the command is failed and the message dead-lettered.
 */
export class CommandDispatcher {
  readonly #handlers: ReadonlyMap<string, InjectionToken<CommandHandler>>;
  readonly #types: ReadonlySet<string>;
  readonly #schemas: ReadonlyMap<string, MessageSchema>;

  constructor(
    readonly module: ContextModule,
    readonly queue: WorkQueue,
    readonly options: CommandDispatcherOptions,
  ) {
    // Only queued commands: one delivered in-process that reaches the queue anyway is poison (an unknown type).
    const queued = module.commands.filter((registration) => registration.delivery === 'queued');
    this.#handlers = new Map(queued.map((registration) => [registration.type, registration.handler]));
    this.#types = new Set(this.#handlers.keys());
    this.#schemas = new Map(
      queued.flatMap(({ type, payload }) => (payload === undefined ? [] : [[type, payload] as const])),
    );
  }

  /**
   * Handles one delivery and says how to settle it; throws only when a retry could not be scheduled. Runs in
   * the telemetry context the message carries (a new span of its trace), so every log line has its trace id.
   */
  handle(message: DeliveredMessage): Promise<Settlement> {
    const parsed = parseCommand(message, this.#types, this.#schemas);
    const span = processSpan(this.queue.declaration.queue, message);
    const telemetry = messageTelemetry(message.headers, span.trace);
    const meta = parsed.ok ? parsed.value.meta : undefined;
    if (parsed.ok) span.setAttributes({ 'contextflow.command.type': parsed.value.type });
    return withTelemetryContext(
      meta === undefined
        ? telemetry
        : { ...telemetry, correlationId: meta.correlationId, causationId: meta.causationId },
      () => settleInSpan(span, () => this.#handle(message, parsed)),
    );
  }

  async #handle(message: DeliveredMessage, parsed: ReturnType<typeof parseCommand>): Promise<Settlement> {
    const { logger } = this.options;
    if (!parsed.ok)
      return deadLetterPoison('command', parsed.reason, message, this.queue, this.options.failures, logger);
    const command = parsed.value;
    const commandId = command.meta.commandId;
    const attempt = attemptOf(message);
    const log = logger.child({ commandId, commandType: command.type, attempt });
    const started = performance.now();
    try {
      // A race is run again at once (the one policy, `retryingRaces`); other failures take the delayed retry.
      const run = () => retryingRaces(() => this.#runOnce(command, message, log), log);
      const acceptedAt = await throughGate(this.options.gate, run, log);
      if (acceptedAt !== undefined) {
        this.#observe(command, 'succeeded', acceptedAt);
        log.info({ durationMs: Math.round(performance.now() - started) }, 'command succeeded');
      }
      return 'ack';
    } catch (error) {
      return this.#settleFailure(error, message, command, attempt, log);
    }
  }

  /** Resolves with when the command was accepted once it succeeded now, `undefined` when it was skipped. */
  async #runOnce(command: Command, message: DeliveredMessage, log: Logger): Promise<Date | undefined> {
    const { container, db, ledger } = this.options;
    const commandId = command.meta.commandId;
    // Events the handler records are children of this delivery's span, not of the request's.
    const traceparent = currentTraceparent() ?? message.headers.traceparent;
    const context = {
      correlationId: command.meta.correlationId,
      causationId: commandId,
      ...(typeof traceparent === 'string' ? { traceparent } : {}),
    };
    // The events the handler records go to the outbox with the statement that marks the command succeeded.
    const outbox = new BufferedOutboxWriter(context);
    return runInUnitOfWork(
      container,
      db,
      async (scope, trx) => {
        const { run } = await ledger.begin(trx, commandId);
        if (!run) {
          log.debug('command unknown or already finished; delivery skipped');
          return undefined;
        }
        const handler = scope.resolve(this.#handlers.get(command.type) as InjectionToken<CommandHandler>);
        const result = await handler.handle(command);
        return ledger.succeed(trx, commandId, result, outbox.take());
      },
      { context, outbox },
    );
  }

  #observe(command: Command, outcome: 'succeeded' | 'failed', acceptedAt: Date | undefined): void {
    if (acceptedAt === undefined) return;
    const seconds = Math.max(0, (Date.now() - acceptedAt.getTime()) / 1000);
    this.options.metrics?.commandDuration.observe({ type: command.type, outcome }, seconds);
  }

  async #settleFailure(
    error: unknown,
    message: DeliveredMessage,
    command: Command,
    attempt: number,
    log: Logger,
  ): Promise<Settlement> {
    const { db, ledger, retries, failures, logger } = this.options;
    const commandId = command.meta.commandId;
    let cause = error;
    if (outcomeOf(error) === 'ack') {
      try {
        const acceptedAt = await db
          .transaction()
          .execute((trx) => ledger.fail(trx, commandId, toProblem(error)));
        this.#observe(command, 'failed', acceptedAt);
        log.info({ err: error }, 'command failed');
        return 'ack';
      } catch (recordError) {
        // The next attempt meets the same rule and records it then; a requeue would spin without delay.
        cause = recordError;
      }
    }
    if (retries.canRetry(attempt)) {
      log.warn({ err: cause }, 'command attempt failed; retry scheduled');
      await retries.schedule(message, this.queue, attempt, commandId);
      return 'ack';
    }
    log.error({ err: cause }, 'command failed on its last attempt; dead-lettered');
    await recordDeath(failures, this.queue, message, 'retries_exhausted', lastProblem(cause), logger);
    try {
      this.#observe(command, 'failed', await ledger.failOutsideHandler(db, commandId, PROCESSING_FAILED));
    } catch (recordError) {
      log.error({ err: recordError }, 'could not mark the dead-lettered command failed');
    }
    return 'dead-letter';
  }
}
