import type { Metrics } from '@contextflow/core-infra';
import { isDeathHeader } from './dead-letter-death.js';
import type { DeliveredMessage } from './delivered-message.js';
import type { OutboxPublisher } from './outbox-relay.js';
import { ATTEMPT_HEADER, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import type { WorkQueue } from './topology.js';

/** The attempt a delivery is (1 for the first, then what {@link ATTEMPT_HEADER} says). */
export function attemptOf(message: DeliveredMessage): number {
  const value = Number(message.headers[ATTEMPT_HEADER]);
  return Number.isInteger(value) && value > 1 ? value : 1;
}

/**
 * Schedules another attempt of a failed message: publishes a copy (same id, body and headers, the attempt
 * number bumped) to the work queue's TTL queue for the next delay, from which the broker dead-letters it back
 * to the work queue through the default exchange. The caller acks the original once this resolves.
 */
export class RetryScheduler {
  constructor(
    readonly publisher: OutboxPublisher,
    readonly policy: RetryPolicy,
    /** Counts every retry scheduled, by work queue. */
    readonly metrics?: Metrics,
  ) {}

  /** Whether another attempt is allowed after `attempt` failed. */
  canRetry(attempt: number): boolean {
    return attempt < this.policy.maxAttempts;
  }

  /**
   * Publishes the copy for attempt `attempt + 1` under `messageId` (the command or event id), with confirms;
   * rejects when the broker did not take it.
   */
  async schedule(
    message: DeliveredMessage,
    workQueue: WorkQueue,
    attempt: number,
    messageId: string,
  ): Promise<void> {
    const next = attempt + 1;
    const delayMs = retryDelayMs(this.policy, next);
    const queue = workQueue.retryQueues.get(delayMs);
    if (queue === undefined)
      throw new Error(`no retry queue for ${delayMs} ms on ${workQueue.declaration.queue}`);
    const headers: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(message.headers)) {
      // The broker's dead-letter headers stay behind: a retried copy starts clean.
      if (!isDeathHeader(key) && (typeof value === 'string' || typeof value === 'number'))
        headers[key] = value;
    }
    headers[ATTEMPT_HEADER] = next;
    await this.publisher.publish({
      exchange: '',
      routingKey: queue,
      messageId,
      type: message.type ?? '',
      body: message.body,
      correlationId: message.correlationId,
      headers,
    });
    this.metrics?.retries.inc({ queue: workQueue.declaration.queue });
  }
}
