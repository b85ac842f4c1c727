import { isRecord } from './is-record.js';
import { ATTEMPT_HEADER } from './retry-policy.js';

/** Where and why a message was dead-lettered, as its broker headers tell. */
export interface DeathRecord {
  /** The work queue it died in (`users.commands`). */
  readonly queue: string;
  /** RabbitMQ's reason: `rejected`, `delivery_limit`, `expired` or `maxlen`. */
  readonly reason: string;
  /** How often it died in that queue for that reason. */
  readonly count: number;
  /** When it died there (last time), if the broker said. */
  readonly time: Date | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const toDate = (value: unknown): Date | undefined => {
  if (value instanceof Date) return value;
  // AMQP timestamps are seconds since the epoch.
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  return undefined;
};

/**
 * The latest death of a dead-lettered message: the newest `x-death` entry (RabbitMQ keeps them newest
 * first), else `x-last-death-*`, else `x-first-death-*` (the in-process transport sets only those).
 * The newest entry matters: a command retried through a TTL queue carries an older `expired` death there,
 * while the death that brought it to the dead-letter queue is the work queue's. `undefined` when the
 * message carries no death headers at all.
 */
export function deathOf(headers: Readonly<Record<string, unknown>>): DeathRecord | undefined {
  const deaths = headers['x-death'];
  const newest = Array.isArray(deaths) ? deaths.find(isRecord) : undefined;
  if (newest !== undefined) {
    const queue = text(newest.queue);
    const reason = text(newest.reason);
    if (queue !== undefined && reason !== undefined) {
      const count = Number(newest.count);
      return {
        queue,
        reason,
        count: Number.isInteger(count) && count > 0 ? count : 1,
        time: toDate(newest.time),
      };
    }
  }
  for (const prefix of ['x-last-death-', 'x-first-death-']) {
    const queue = text(headers[`${prefix}queue`]);
    const reason = text(headers[`${prefix}reason`]);
    if (queue !== undefined && reason !== undefined) return { queue, reason, count: 1, time: undefined };
  }
  return undefined;
}

const DEATH_HEADER = /^x-(death|first-death-|last-death-|delivery-count)/;

/** Whether the broker added this header when dead-lettering or redelivering (`x-death`, `x-first-death-*`, ...). */
export function isDeathHeader(key: string): boolean {
  return DEATH_HEADER.test(key);
}

/**
 * The headers of a redriven copy: the message's own (correlation, causation, trace context) without the
 * broker's dead-letter headers and without the attempt counter, so it gets the full retry policy again.
 */
export function redriveHeaders(headers: Readonly<Record<string, unknown>>): Record<string, string | number> {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (isDeathHeader(key) || key === ATTEMPT_HEADER) continue;
    if (typeof value === 'string' || typeof value === 'number') kept[key] = value;
  }
  return kept;
}
