import { Writable } from 'node:stream';
import { AppError } from '@contextflow/core';
import type { Logger } from '@contextflow/core-infra';
import { Connection, type Consumer, ConsumerStatus, type Publisher } from 'rabbitmq-client';
import type {
  ConsumeOptions,
  DeliveryHandler,
  MessageTransport,
  OutgoingMessage,
  Subscription,
} from '../messaging/message-transport.js';
import { amqpNodes } from '../messaging/amqp-nodes.js';
import type { Topology } from '../messaging/topology.js';
import { coalesceWrites, writtenOut } from './coalesce-writes.js';
import { toDelivered } from './to-delivered.js';

/** Reconnect backoff: attempts after a lost connection wait a random share of min(high, low × 2^n) ms. */
export const RECONNECT_STEP_MS = 250;
export const RECONNECT_MAX_MS = 2_000;

/** Options of {@link RabbitMqTransport}. */
export interface RabbitMqTransportOptions {
  /** One `amqp://` URL, or the nodes of a cluster comma-separated (see {@link amqpNodes}). */
  readonly url: string;
  readonly logger: Logger;
  readonly connectionName?: string;
  /** During a broker memory or disk alarm a publish waits forever; it fails after this long instead. */
  readonly publishTimeoutMs?: number;
}

/**
 * The RabbitMQ side of contextflow: one connection (it reconnects by itself and re-declares what consumers
 * need), one confirming publisher, and consumers with bounded concurrency and prefetch.
 */
export class RabbitMqTransport implements MessageTransport {
  readonly scope = 'shared';
  readonly #connection: Connection;
  readonly #publisher: Publisher;
  readonly #logger: Logger;
  readonly #publishTimeoutMs: number;
  readonly #consumers = new Set<Consumer>();
  /** rabbitmq-client's socket of the current connection, whose writes are coalesced. */
  #socket: Writable | undefined;

  constructor(options: RabbitMqTransportOptions) {
    this.#logger = options.logger;
    this.#publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    const nodes = amqpNodes(options.url);
    this.#connection = new Connection({
      // The nodes are tried in turn: after a node is lost, the next attempt goes to the next node.
      url: nodes.url,
      hosts: [...nodes.hosts],
      // rabbitmq-client's default backoff (1 s steps up to 30 s) left a restarted broker idle for up to ~20 s;
      // attempts every 0.25–2 s resume work within about 2 s of a node being reachable again.
      retryLow: RECONNECT_STEP_MS,
      retryHigh: RECONNECT_MAX_MS,
      connectionName: options.connectionName ?? 'contextflow',
      // A publish is three frames and a small message: with Nagle's algorithm on, the last frame waits for
      // the broker's delayed ACK (40 ms on Linux) before it leaves, and every confirm with it.
      noDelay: true,
    });
    this.#connection.on('error', (error: unknown) =>
      this.#logger.warn({ err: error }, 'amqp connection error'),
    );
    this.#connection.on('connection', () => {
      // rabbitmq-client writes each frame as it comes (an ack is one write, a publish one more); its socket is
      // internal, read here on every (re)connect. Without it, writes simply go out one by one as before.
      // oxlint-disable-next-line no-underscore-dangle -- rabbitmq-client's own name for its socket
      const socket = (this.#connection as unknown as { _socket?: unknown })._socket;
      this.#socket = socket instanceof Writable ? socket : undefined;
      if (this.#socket !== undefined) coalesceWrites(this.#socket);
      this.#logger.debug({ coalescedWrites: socket instanceof Writable }, 'amqp connected');
    });
    this.#connection.on('connection.blocked', (reason: string) =>
      this.#logger.warn({ reason }, 'amqp connection blocked by the broker; publishes wait'),
    );
    // Retried publishes may duplicate a message the broker already took; consumers deduplicate on its id.
    this.#publisher = this.#connection.createPublisher({
      confirm: true,
      maxAttempts: 3,
      onReturn: (returned) =>
        this.#logger.error(
          { messageId: returned.messageId, exchange: returned.exchange, routingKey: returned.routingKey },
          'message returned by the broker: no queue is bound for it',
        ),
    });
    this.#publisher.on('retry', (error: unknown) =>
      this.#logger.warn({ err: error }, 'amqp publish retried'),
    );
  }

  /** Waits until the broker is reachable; rejects after `timeoutMs` (the connection keeps retrying). */
  async ready(timeoutMs = 10_000): Promise<void> {
    await this.#connection.onConnect(timeoutMs, true);
  }

  /** Declares the exchanges, queues and bindings; running it again with the same topology changes nothing. */
  async declare(topology: Topology): Promise<void> {
    const channel = await this.#connection.acquire();
    try {
      for (const exchange of topology.exchanges) await channel.exchangeDeclare({ ...exchange });
      for (const queue of topology.queues) {
        await channel.queueDeclare({ ...queue, arguments: { ...queue.arguments } });
      }
      for (const binding of topology.bindings) await channel.queueBind({ ...binding });
    } finally {
      await channel.close();
    }
  }

  /** Deletes every queue and exchange of the topology (tests and operators only: messages are lost). */
  async deleteTopology(topology: Topology): Promise<void> {
    for (const { queue } of topology.queues) await this.#connection.queueDelete({ queue });
    for (const { exchange } of topology.exchanges) await this.#connection.exchangeDelete({ exchange });
  }

  /** Publishes a persistent JSON message and resolves once the broker confirmed it. */
  async publish(message: OutgoingMessage): Promise<void> {
    const sent = this.#publisher.send(
      {
        exchange: message.exchange,
        routingKey: message.routingKey,
        mandatory: message.mandatory ?? false,
        durable: true,
        messageId: message.messageId,
        type: message.type,
        contentType: 'application/json',
        timestamp: Math.floor(Date.now() / 1000),
        ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
        headers: { ...message.headers },
      },
      Buffer.from(JSON.stringify(message.body)),
    );
    // The error is made only when the timer fires: an Error captures a stack, dear on every publish.
    await withTimeout(
      sent,
      this.#publishTimeoutMs,
      () => new AppError('unavailable', 'messaging.publish_timeout', 'The broker did not confirm in time.'),
    );
  }

  /** Messages waiting in `queue` (a passive declare: it never creates the queue); rejects when disconnected. */
  async messageCount(queue: string): Promise<number> {
    await this.checkConnected();
    const declared = this.#connection.queueDeclare({ queue, passive: true });
    return (await withTimeout(declared, 2_000, 'the broker did not answer in time')).messageCount;
  }

  /**
   * Resolves while the connection is open and not blocked by a broker alarm. rabbitmq-client's `ready` is also
   * false while its socket is corked, as `coalesceWrites` keeps it until the end of any turn that writes a
   * frame (an ack, a publish): a busy connection is not a lost one, so the answer waits for this turn's writes
   * to go out.
   */
  async checkConnected(): Promise<void> {
    if (!this.#connection.ready && this.#socket !== undefined) await writtenOut(this.#socket);
    if (!this.#connection.ready) throw new Error('not connected to the broker');
  }

  /** Consumes a queue (declaring it again on every reconnect) with at most `concurrency` handlers at once. */
  consume(options: ConsumeOptions, handler: DeliveryHandler): Subscription {
    const { queue } = options;
    const consumer = this.#connection.createConsumer(
      {
        queue: queue.queue,
        queueOptions: { durable: queue.durable, arguments: { ...queue.arguments } },
        qos: { prefetchCount: Math.max(options.prefetch, options.concurrency) },
        concurrency: options.concurrency,
        requeue: true,
      },
      async (message) =>
        (await handler(toDelivered(message))) === 'ack' ? ConsumerStatus.ACK : ConsumerStatus.DROP,
    );
    consumer.on('error', (error: unknown) =>
      this.#logger.error({ err: error, queue: queue.queue }, 'amqp consumer error'),
    );
    this.#consumers.add(consumer);
    return {
      close: async () => {
        this.#consumers.delete(consumer);
        await consumer.close();
      },
    };
  }

  /** None: the broker keeps what no consumer took, for the next one. */
  async handBack(): Promise<readonly string[]> {
    return [];
  }

  /** Closes the consumers (waiting for in-flight handlers), the publisher, then the connection. */
  async close(): Promise<void> {
    await Promise.all([...this.#consumers].map((consumer) => consumer.close()));
    this.#consumers.clear();
    await this.#publisher.close();
    await this.#connection.close();
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, error: (() => Error) | string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(typeof error === 'string' ? new Error(error) : error()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
