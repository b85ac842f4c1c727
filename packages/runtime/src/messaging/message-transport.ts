import type { DeliveredMessage } from './delivered-message.js';
import type { QueueDeclaration, Topology } from './topology.js';

/** A message to publish; always persistent, JSON, with its id and type. */
export interface OutgoingMessage {
  readonly exchange: string;
  readonly routingKey: string;
  /** Consumers deduplicate on it (the command or event id). */
  readonly messageId: string;
  /** Command type or event type. */
  readonly type: string;
  readonly body: unknown;
  readonly correlationId?: string | undefined;
  readonly headers?: Readonly<Record<string, string | number>>;
  /** Ask the broker to return the message when no queue is bound for it (logged as an error). */
  readonly mandatory?: boolean;
}

/** How a handler settles a delivery; a handler that throws has the message requeued (bounded by the queue's delivery limit). */
export type Settlement = 'ack' | 'dead-letter';

/** Handles one delivery. */
export type DeliveryHandler = (message: DeliveredMessage) => Promise<Settlement>;

/** A running consumer. */
export interface Subscription {
  /** Stops taking messages and waits for the ones in flight to settle. */
  close(): Promise<void>;
}

/** What a consumer takes from, and how many messages it handles at once. */
export interface ConsumeOptions {
  readonly queue: QueueDeclaration;
  /** Handlers running at once. */
  readonly concurrency: number;
  /** Messages sent ahead of the handlers (a broker concern; an in-process queue has nothing to send ahead). */
  readonly prefetch: number;
}

/**
 * What the outbox relay, the retry scheduler and the consumers run on: RabbitMQ in production, an in-process
 * broker with the same topology semantics in embedded mode. The contract every transport keeps (the runtime's
 * `transportContract` suite checks it): at-least-once delivery, a message whose handler throws delivered again
 * up to its queue's delivery limit and dead-lettered past it, a `dead-letter` settlement dead-lettered at once,
 * the TTL retry queues delivering after their delay, and nothing lost at a graceful stop.
 */
export interface MessageTransport {
  /**
   * `shared` when every process that connects receives what it carries (a broker); `process` when only consumers
   * in this process do (an in-process broker): the relay then needs this process's consumers, and what they
   * did not take is handed back at stop (see {@link handBack}).
   */
  readonly scope: 'shared' | 'process';
  /** Declares the exchanges, queues and bindings; running it again with the same topology changes nothing. */
  declare(topology: Topology): Promise<void>;
  /** Resolves once the transport has the message (a publisher confirm); rejects otherwise. */
  publish(message: OutgoingMessage): Promise<void>;
  /** Consumes a queue with at most `concurrency` handlers at once. */
  consume(options: ConsumeOptions, handler: DeliveryHandler): Subscription;
  /** Messages waiting in a queue (for the dead-letter gauges); rejects when the broker cannot say. */
  messageCount(queue: string): Promise<number>;
  /** Resolves when the transport can publish and consume now; rejects saying why not (readiness). */
  checkConnected(): Promise<void>;
  /**
   * Gives up the messages that only this process holds and that closing would lose (an in-process broker's
   * queues, except `deadLetterQueues`: dead letters and the copies of dead commands, which are failed already),
   * and returns their ids so the caller can publish them again later; a broker keeps its messages and returns
   * none. Call it once the consumers stopped.
   */
  handBack(deadLetterQueues: ReadonlySet<string>): Promise<readonly string[]>;
  /** Closes the consumers (waiting for in-flight handlers), then the transport itself. */
  close(): Promise<void>;
}
