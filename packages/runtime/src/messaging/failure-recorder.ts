import type { Logger } from '@contextflow/core-infra';
import { type DatabaseGate, throughGate } from './database-gate.js';
import { deathOf } from './dead-letter-death.js';
import type { DeliveredMessage } from './delivered-message.js';
import { brokerReason, type FailureProblem, failureEntry } from './failure-entry.js';
import type { FailureLog } from './failure-log.js';
import type { Settlement } from './message-transport.js';

const BROKER_PROBLEMS: Readonly<Record<string, FailureProblem>> = Object.freeze({
  delivery_limit: {
    code: 'messages.delivery_limit',
    title: 'Delivery limit reached',
    detail: 'It was delivered too often: consumers crashed or lost their connection while handling it.',
  },
  expired: {
    code: 'messages.expired',
    title: 'Expired',
    detail: 'It expired in its queue before it was handled.',
  },
  maxlen: { code: 'messages.queue_full', title: 'Queue full', detail: 'Its queue was full.' },
});

/** Dependencies of a {@link FailureRecorder}. */
export interface FailureRecorderOptions {
  readonly failures: FailureLog;
  readonly logger: Logger;
  /** Holds a copy while PostgreSQL is down instead of burning its deliveries. */
  readonly gate?: DatabaseGate | undefined;
}

/**
 * Records in `platform.failures` every dead letter of every work queue, commands and events alike, from the
 * copy the dead-letter exchange sends to the failures queue (the dead-letter queues stay untouched for
 * redelivery). A rejection was recorded by the dispatcher that rejected it, with its problem: its copy fills in
 * only when that record is missing. Deaths no dispatcher sees (the delivery limit, an expiry) are recorded here.
 */
export class FailureRecorder {
  readonly #options: FailureRecorderOptions;

  constructor(options: FailureRecorderOptions) {
    this.#options = options;
  }

  /** Records one copy and acks it; throws when the write failed (the copy is delivered again). */
  async handle(message: DeliveredMessage): Promise<Settlement> {
    const { failures, logger, gate } = this.#options;
    const death = deathOf(message.headers);
    const queue = death?.queue ?? message.routingKey;
    const reason = brokerReason(death?.reason);
    const entry = failureEntry(queue, message, reason, BROKER_PROBLEMS[reason] ?? null);
    const write = () => failures.record(entry, reason === 'rejected' ? 'fill' : 'replace', death?.time);
    await throughGate(gate, write, logger);
    return 'ack';
  }
}
