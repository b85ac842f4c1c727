import type { DomainEvent, EventHandler } from '@contextflow/core';
import {
  currentTraceparent,
  type EventSubscription,
  type Logger,
  withTelemetryContext,
} from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { retryingRaces } from '../buses/optimistic-races.js';
import { runInUnitOfWork } from '../buses/run-in-unit-of-work.js';
import type { Inbox } from '../commands/inbox.js';
import { messageTelemetry } from '../telemetry/message-telemetry.js';
import { type DatabaseGate, throughGate } from './database-gate.js';
import type { DeliveredMessage } from './delivered-message.js';
import type { FailureLog } from './failure-log.js';
import { outcomeOf } from './message-outcome.js';
import { parseEvent } from './message-parsers.js';
import { processSpan, settleInSpan } from './message-spans.js';
import type { Settlement } from './message-transport.js';
import { deadLetterPoison, lastProblem, recordDeath } from './record-death.js';
import { attemptOf, type RetryScheduler } from './retry-scheduler.js';
import type { WorkQueue } from './topology.js';

/**
 * What a consumer does with one event inside its unit of work (after the inbox claim): resolves and runs the
 * subscription's handler by default; a process runs its manager. Resolves true when it did something.
 */
export type EventReaction = (
  scope: DependencyContainer,
  trx: Kysely<PlatformTables>,
  event: DomainEvent,
) => Promise<boolean>;

/** The consumer an {@link EventDispatcher} runs: a subscription's name and contracts (a process has them too). */
export type EventConsumer = Pick<EventSubscription, 'name' | 'contracts'>;

/** Dependencies of an {@link EventDispatcher}. */
export interface EventDispatcherOptions {
  readonly container: DependencyContainer;
  readonly db: Kysely<PlatformTables>;
  readonly inbox: Inbox;
  readonly retries: RetryScheduler;
  readonly logger: Logger;
  /** Holds an event whose reaction failed because the database is down until it is back (attempt not counted). */
  readonly gate?: DatabaseGate | undefined;
  /** Where every message this dispatcher dead-letters is recorded, with its problem. */
  readonly failures?: FailureLog | undefined;
}

/**
 * Runs one event subscription. Each event is handled in one unit of work that first claims
 * (subscription, event id) in the inbox, so a duplicate delivery does nothing. A final AppError is logged and
 * the event acked (there is no command to fail); other errors are retried, then dead-lettered.
 */
export class EventDispatcher {
  readonly #react: EventReaction;

  /** Without `react`, `subscription` must be an {@link EventSubscription}: its handler handles each event. */
  constructor(
    readonly subscription: EventConsumer | EventSubscription,
    readonly queue: WorkQueue,
    readonly options: EventDispatcherOptions,
    react?: EventReaction,
  ) {
    this.#react =
      react ??
      (async (scope, _trx, event) => {
        const { handler } = subscription as EventSubscription;
        await scope.resolve<EventHandler<DomainEvent>>(handler).handle(event);
        return true;
      });
  }

  /**
   * Handles one delivery and says how to settle it; throws only when even scheduling a retry failed. Runs in
   * the telemetry context the message carries (a new span of its trace), so every log line has its trace id.
   */
  handle(message: DeliveredMessage): Promise<Settlement> {
    const span = processSpan(this.queue.declaration.queue, message);
    span.setAttributes({ 'contextflow.subscription': this.subscription.name });
    const telemetry = messageTelemetry(message.headers, span.trace);
    const correlationId = telemetry.correlationId ?? message.correlationId;
    return withTelemetryContext({ ...telemetry, correlationId }, () =>
      settleInSpan(span, () => this.#handle(message)),
    );
  }

  async #handle(message: DeliveredMessage): Promise<Settlement> {
    const { logger, retries } = this.options;
    const parsed = parseEvent(message, this.subscription.contracts);
    if (!parsed.ok)
      return deadLetterPoison('event', parsed.reason, message, this.queue, this.options.failures, logger);
    const event = parsed.value;
    const attempt = attemptOf(message);
    const log = logger.child({
      subscription: this.subscription.name,
      eventId: event.id,
      eventType: event.type,
      attempt,
    });
    const started = performance.now();
    try {
      const run = () => retryingRaces(() => this.#run(event, message, log), log);
      if (await throughGate(this.options.gate, run, log))
        log.info({ durationMs: Math.round(performance.now() - started) }, 'event handled');
      return 'ack';
    } catch (error) {
      if (outcomeOf(error) === 'ack') {
        log.warn({ err: error }, 'event reaction refused the event; acked');
        return 'ack';
      }
      if (retries.canRetry(attempt)) {
        log.warn({ err: error }, 'event reaction failed; retry scheduled');
        await retries.schedule(message, this.queue, attempt, event.id);
        return 'ack';
      }
      log.error({ err: error }, 'event reaction failed on its last attempt; dead-lettered');
      const { failures } = this.options;
      await recordDeath(failures, this.queue, message, 'retries_exhausted', lastProblem(error), logger);
      return 'dead-letter';
    }
  }

  /** True when the reaction ran now, false when the inbox said it already had (or it had nothing to do). */
  async #run(event: DomainEvent, message: DeliveredMessage, log: Logger): Promise<boolean> {
    const { container, db, inbox } = this.options;
    const correlationId = message.correlationId ?? message.headers.correlationId;
    // Messages the reaction writes are children of this delivery's span.
    const traceparent = currentTraceparent() ?? message.headers.traceparent;
    const context = {
      correlationId: typeof correlationId === 'string' ? correlationId : event.id,
      causationId: event.id,
      ...(typeof traceparent === 'string' ? { traceparent } : {}),
    };
    return runInUnitOfWork(
      container,
      db,
      async (scope, trx) => {
        if (!(await inbox.claim(trx, this.subscription.name, event.id))) {
          log.debug('event already handled by this subscription; delivery skipped');
          return false;
        }
        return this.#react(scope, trx, event);
      },
      { context },
    );
  }
}
