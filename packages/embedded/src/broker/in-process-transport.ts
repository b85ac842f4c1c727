import type { Logger } from '@contextflow/core-infra';
import type {
  ConsumeOptions,
  DeliveredMessage,
  DeliveryHandler,
  ExchangeDeclaration,
  MessageTransport,
  OutgoingMessage,
  QueueDeclaration,
  Subscription,
  Topology,
} from '@contextflow/runtime/messaging';
import { type DeathReason, deliveredFrom, InProcessQueue, type QueuedMessage } from './in-process-queue.js';
import { topicMatches } from './topic-matches.js';

interface Exchange {
  readonly type: ExchangeDeclaration['type'];
  readonly bindings: { readonly queue: string; readonly routingKey: string }[];
}

/**
 * A broker inside the process, with RabbitMQ's semantics for what contextflow declares: topic and direct
 * exchanges (`*` and `#` wildcards), the default exchange (routing key = queue name), TTL retry queues that
 * dead-letter back to their work queue, dead-letter exchanges and queues, delivery limits, and consumers with
 * bounded concurrency. So the outbox relay, the retry scheduler and the dispatchers run on it unchanged.
 * A publish resolves once the message is queued (the confirm). Messages live in memory: on a graceful stop the
 * runtime takes those still waiting ({@link handBack}) and returns them to the outbox; a crash loses them
 * (embedded mode is for development), and dead letters stay until taken.
 */
export class InProcessTransport implements MessageTransport {
  readonly scope = 'process';
  readonly #exchanges = new Map<string, Exchange>();
  readonly #queues = new Map<string, InProcessQueue>();
  readonly #logger: Logger | undefined;
  #closed = false;

  constructor(options: { readonly logger?: Logger } = {}) {
    this.#logger = options.logger;
  }

  /** Declares exchanges, queues and bindings; redeclaring one with other settings throws, as RabbitMQ does. */
  async declare(topology: Topology): Promise<void> {
    for (const { exchange, type } of topology.exchanges) {
      const existing = this.#exchanges.get(exchange);
      if (existing !== undefined && existing.type !== type)
        throw new Error(`exchange "${exchange}" already exists as ${existing.type}`);
      if (existing === undefined) this.#exchanges.set(exchange, { type, bindings: [] });
    }
    for (const queue of topology.queues) this.#declareQueue(queue);
    for (const { queue, exchange, routingKey } of topology.bindings) {
      const target = this.#exchanges.get(exchange);
      if (target === undefined) throw new Error(`no exchange "${exchange}" to bind "${queue}" to`);
      if (!this.#queues.has(queue)) throw new Error(`no queue "${queue}" to bind`);
      if (!target.bindings.some((b) => b.queue === queue && b.routingKey === routingKey))
        target.bindings.push({ queue, routingKey });
    }
  }

  async publish(message: OutgoingMessage): Promise<void> {
    if (this.#closed) throw new Error('the in-process transport is closed');
    const routed = this.#route({
      messageId: message.messageId,
      type: message.type,
      correlationId: message.correlationId,
      exchange: message.exchange,
      routingKey: message.routingKey,
      headers: { ...message.headers },
      json: JSON.stringify(message.body) ?? 'null',
      returns: 0,
    });
    if (routed === 0 && message.mandatory === true) {
      this.#logger?.error(
        { messageId: message.messageId, exchange: message.exchange, routingKey: message.routingKey },
        'message returned by the broker: no queue is bound for it',
      );
    }
  }

  /** Consumes a queue, declaring it first when it does not exist (as a RabbitMQ consumer does). */
  consume(options: ConsumeOptions, handler: DeliveryHandler): Subscription {
    if (this.#closed) throw new Error('the in-process transport is closed');
    return this.#declareQueue(options.queue).consume(options.concurrency, handler);
  }

  /** The messages waiting in a queue, oldest first (a dead-letter queue's are its dead letters). */
  peek(queue: string): DeliveredMessage[] {
    return (this.#queues.get(queue)?.waiting() ?? []).map(deliveredFrom);
  }

  /** Takes every message waiting in a queue other than `deadLetterQueues` and returns their ids. */
  async handBack(deadLetterQueues: ReadonlySet<string>): Promise<readonly string[]> {
    return [...this.#queues]
      .filter(([name]) => !deadLetterQueues.has(name))
      .flatMap(([, queue]) => queue.drain().map((message) => message.messageId));
  }

  /** Messages waiting in a queue; 0 for a queue never declared. */
  async messageCount(queue: string): Promise<number> {
    return this.#queues.get(queue)?.waiting().length ?? 0;
  }

  /** Resolves until the transport is closed: nothing outside the process can go away. */
  async checkConnected(): Promise<void> {
    if (this.#closed) throw new Error('the in-process transport is closed');
  }

  /** Removes and returns the oldest message of a queue, or `undefined` when it is empty. */
  take(queue: string): DeliveredMessage | undefined {
    const message = this.#queues.get(queue)?.take();
    return message === undefined ? undefined : deliveredFrom(message);
  }

  /** Closes every consumer (waiting for in-flight handlers) and drops every queued message. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
  }

  #declareQueue(declaration: QueueDeclaration): InProcessQueue {
    const existing = this.#queues.get(declaration.queue);
    if (existing !== undefined) {
      if (JSON.stringify(existing.declaration.arguments) !== JSON.stringify(declaration.arguments))
        throw new Error(`queue "${declaration.queue}" already exists with other arguments`);
      return existing;
    }
    const queue = new InProcessQueue(
      declaration,
      (from, message, reason) => this.#deadLetter(from, message, reason),
      this.#logger,
    );
    this.#queues.set(declaration.queue, queue);
    return queue;
  }

  /** Puts a copy of the message in every queue it routes to, once per queue; returns how many. */
  #route(message: QueuedMessage): number {
    const targets = new Set<string>();
    if (message.exchange === '') {
      if (this.#queues.has(message.routingKey)) targets.add(message.routingKey);
    } else {
      const exchange = this.#exchanges.get(message.exchange);
      if (exchange === undefined) throw new Error(`no exchange "${message.exchange}"`);
      for (const binding of exchange.bindings) {
        const matches =
          exchange.type === 'topic'
            ? topicMatches(binding.routingKey, message.routingKey)
            : binding.routingKey === message.routingKey;
        if (matches) targets.add(binding.queue);
      }
    }
    for (const name of targets) this.#queues.get(name)?.enqueue({ ...message, returns: 0 });
    return targets.size;
  }

  #deadLetter(from: InProcessQueue, message: QueuedMessage, reason: DeathReason): void {
    const exchange = from.deadLetterExchange;
    const log = { messageId: message.messageId, queue: from.name, reason };
    if (exchange === undefined) {
      this.#logger?.warn(log, 'message dropped: its queue has no dead-letter exchange');
      return;
    }
    const dead: QueuedMessage = {
      ...message,
      exchange,
      routingKey: from.deadLetterRoutingKey ?? message.routingKey,
      headers: {
        'x-first-death-queue': from.name,
        'x-first-death-reason': reason,
        'x-first-death-exchange': message.exchange,
        ...message.headers,
        'x-last-death-queue': from.name,
        'x-last-death-reason': reason,
      },
      returns: 0,
    };
    try {
      if (this.#route(dead) === 0) this.#logger?.warn(log, 'dead letter dropped: no queue is bound for it');
    } catch (error) {
      this.#logger?.error({ ...log, err: error }, 'dead letter dropped');
    }
  }
}
