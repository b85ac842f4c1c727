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
 * broker with the same topology semantics in embedded mode.
 */
export interface MessageTransport {
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
  /** Closes the consumers (waiting for in-flight handlers), then the transport itself. */
  close(): Promise<void>;
}
