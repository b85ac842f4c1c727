/**
 * How a message whose handler hit a passing fault (an infrastructure error, an `unavailable`/`internal`
 * AppError) is retried: attempt `n` (counted in the {@link ATTEMPT_HEADER} header, the first delivery is 1)
 * waits `delaysMs[n - 1]` (the last delay repeats) in a TTL queue, then comes back; after `maxAttempts`
 * failed attempts the message is dead-lettered and, for a command, the command is marked failed.
 */
export interface RetryPolicy {
  /** Attempts in all, the first delivery included. */
  readonly maxAttempts: number;
  /** One TTL queue per distinct delay and work queue. */
  readonly delaysMs: readonly number[];
}

/**
 * Five attempts over about a minute (1 s, 5 s, 30 s, 30 s between them): long enough to ride out a database
 * failover or a broker restart, short enough that a caller polling `GET /commands/{id}` gets an answer.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  delaysMs: Object.freeze([1_000, 5_000, 30_000]),
});

/** Application header carrying the attempt number of a retried message (absent on the first delivery). */
export const ATTEMPT_HEADER = 'x-cf-attempt';

/**
 * `x-delivery-limit` of every work queue. Our handlers never requeue (retries travel through the delay
 * queues and the original is acked), so a quorum queue's delivery count only grows when a consumer dies or
 * loses its channel mid-message (crash, deploy, network cut; on RabbitMQ 3.10 a crash counts as a delivery).
 * Ten rides out several such redeliveries and still stops a message that kills the worker every time from
 * looping forever: it goes to the dead-letter queue. Set explicitly because RabbitMQ 4.x defaults to 20.
 */
export const DELIVERY_LIMIT = 10;

/** The delay before attempt `nextAttempt` (2 for the first retry). */
export function retryDelayMs(policy: RetryPolicy, nextAttempt: number): number {
  const delays = policy.delaysMs;
  const index = Math.min(Math.max(nextAttempt - 2, 0), delays.length - 1);
  return delays[index] ?? 1_000;
}
