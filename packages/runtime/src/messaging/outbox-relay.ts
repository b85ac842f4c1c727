import { formatTraceparent, type Logger, withTelemetryContext } from '@contextflow/core-infra';
import {
  CHANNELS,
  type NotificationListener,
  type OutboxTable,
  type PlatformTables,
  preparedQuery,
} from '@contextflow/core-infra/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { messageTelemetry } from '../telemetry/message-telemetry.js';
import { BackgroundLoop } from '../timing/background-loop.js';
import { publishSpan } from './message-spans.js';
import type { OutgoingMessage } from './message-transport.js';
import type { TopologyNames } from './topology-names.js';

/** Where the relay publishes: the RabbitMQ transport, or a fake in tests. */
export interface OutboxPublisher {
  /** Resolves once the broker has the message (publisher confirm); rejects otherwise. */
  publish(message: OutgoingMessage): Promise<void>;
}

/** Options of {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  readonly db: Kysely<PlatformTables>;
  readonly publisher: OutboxPublisher;
  readonly names: TopologyNames;
  readonly logger: Logger;
  /** Wakes the relay on `NOTIFY cf_outbox`; without it the relay only polls every `idleMs`. */
  readonly notifications?: NotificationListener | undefined;
  /** Rows claimed per transaction (all published concurrently). */
  readonly batchSize?: number;
  /** Poll interval when no notification arrives: a safety net for a missed NOTIFY. */
  readonly idleMs?: number;
  readonly maxBackoffMs?: number;
}

/** What one pass over the outbox did. */
export interface DrainResult {
  readonly claimed: number;
  readonly published: number;
  readonly failed: number;
}

type OutboxRow = Selectable<OutboxTable>;

/** The next unsent rows, locked for this relay; rows another relay holds are skipped, not waited for. */
const claimBatch = preparedQuery((db: Kysely<PlatformTables>, limit: number) =>
  db
    .selectFrom('platform.outbox')
    .select(['seq', 'message_id', 'kind', 'routing_key', 'body', 'headers'])
    .where('sent_at', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .forUpdate()
    .skipLocked(),
);

/** Counts a publish attempt of the rows `seqs` (an array parameter: one statement whatever their number). */
const attempted = (db: Kysely<PlatformTables>, seqs: string[]) =>
  db
    .updateTable('platform.outbox')
    .set({ publish_attempts: sql<number>`publish_attempts + 1` })
    .where(sql<boolean>`seq = any(${seqs}::bigint[])`);
const countAttempt = preparedQuery(attempted);
/** Marks the rows `seqs` sent and counts the attempt. */
const markSent = preparedQuery((db: Kysely<PlatformTables>, seqs: string[]) =>
  attempted(db, seqs).set({ sent_at: sql`now()` }),
);

/**
 * Publishes the outbox: claims a batch of unsent rows (`FOR UPDATE SKIP LOCKED`, so several relays share the
 * work without coordination), publishes them all at once with confirms, marks the confirmed ones sent, and
 * commits. Rows whose publish failed stay unsent and the relay backs off. It loops while batches come back
 * full, then sleeps until `NOTIFY cf_outbox` or the idle timer.
 */
export class OutboxRelay {
  readonly #options: OutboxRelayOptions;
  readonly #loop = new BackgroundLoop(() => this.#run());

  constructor(options: OutboxRelayOptions) {
    this.#options = options;
  }

  /** Starts listening and relaying in the background. */
  start(): Promise<void> {
    // A notification lost while the listener reconnected is made up for by looking again at once.
    return this.#loop.start(this.#options.notifications, CHANNELS.outbox);
  }

  /** Stops after the batch in flight is committed (or rolled back). */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Wakes the relay as a notification would. */
  wake(): void {
    this.#loop.signal.wake();
  }

  /** Claims, publishes and marks one batch. */
  async drainOnce(): Promise<DrainResult> {
    const { db, batchSize = 100 } = this.#options;
    return db.transaction().execute(async (trx) => {
      const { rows } = await claimBatch.execute(trx, batchSize);
      if (rows.length === 0) return { claimed: 0, published: 0, failed: 0 };
      const results = await Promise.allSettled(rows.map((row) => this.#publish(row)));
      const sent = rows.filter((_, i) => results[i]?.status === 'fulfilled').map((row) => row.seq);
      const failed = rows.filter((_, i) => results[i]?.status === 'rejected').map((row) => row.seq);
      if (sent.length > 0) await markSent.execute(trx, sent);
      if (failed.length > 0) {
        const reason = results.find((result) => result.status === 'rejected')?.reason;
        this.#options.logger.warn(
          { err: reason, failed: failed.length },
          'outbox publish failed; will retry',
        );
        await countAttempt.execute(trx, failed);
      }
      return { claimed: rows.length, published: sent.length, failed: failed.length };
    });
  }

  async #run(): Promise<void> {
    const { batchSize = 100, idleMs = 5_000, maxBackoffMs = 30_000, logger } = this.#options;
    let backoffMs = 0;
    const { signal } = this.#loop;
    while (!this.#loop.stopped) {
      let result: DrainResult | undefined;
      try {
        result = await this.drainOnce();
      } catch (error) {
        logger.warn({ err: error }, 'outbox relay pass failed; will retry');
      }
      if (this.#loop.stopped) break;
      if (result === undefined || result.failed > 0) {
        backoffMs = Math.min(Math.max(backoffMs * 2, 200), maxBackoffMs);
        await signal.sleep(backoffMs, { wakeable: false });
      } else if (result.claimed < batchSize) {
        backoffMs = 0;
        await signal.sleep(idleMs);
      } else {
        backoffMs = 0;
      }
    }
  }

  /** Publishes one row in the telemetry context its headers carry, so its log lines join its trace. */
  #publish(row: Pick<OutboxRow, 'message_id' | 'kind' | 'routing_key' | 'body' | 'headers'>): Promise<void> {
    const headers = row.headers as Readonly<Record<string, unknown>> | null;
    const message = this.#toMessage(row);
    // The publish is a span of the writer's trace, and the consumer's parent: the message carries its ids.
    const span = publishSpan(message, headers);
    const traced = {
      ...message,
      headers: { ...message.headers, traceparent: formatTraceparent(span.trace) },
    };
    return withTelemetryContext(messageTelemetry(headers, span.trace), async () => {
      try {
        await this.#options.publisher.publish(traced);
      } catch (error) {
        span.fail('publish failed');
        throw error;
      } finally {
        span.end();
      }
      this.#options.logger.debug(
        { messageId: row.message_id, kind: row.kind, routingKey: row.routing_key },
        'outbox message published',
      );
    });
  }

  #toMessage(
    row: Pick<OutboxRow, 'message_id' | 'kind' | 'routing_key' | 'body' | 'headers'>,
  ): OutgoingMessage {
    const { names } = this.#options;
    const headers = (row.headers ?? {}) as Record<string, string>;
    const body = row.body as { type?: unknown } | null;
    const command = row.kind === 'command';
    return {
      exchange: command ? names.commandsExchange : names.eventsExchange,
      routingKey: row.routing_key,
      messageId: row.message_id,
      type: typeof body?.type === 'string' ? body.type : row.routing_key,
      body: row.body,
      correlationId: headers.correlationId ?? headers['correlation-id'],
      headers,
      // A command nobody consumes is a wiring error worth a log line; an event nobody consumes is normal.
      mandatory: command,
    };
  }
}
