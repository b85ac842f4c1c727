import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '@contextflow/core-infra';
import type {
  DeliveredMessage,
  DeliveryHandler,
  QueueDeclaration,
  Subscription,
} from '@contextflow/runtime/messaging';

/** A message as an in-process queue holds it: the body stays serialized, as it would on the wire. */
export interface QueuedMessage {
  readonly messageId: string;
  readonly type: string;
  readonly correlationId: string | undefined;
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly json: string;
  /** Deliveries that ended with the handler throwing (the message went back to the queue). */
  returns: number;
}

/** Why a queue gives a message up to its dead-letter exchange (RabbitMQ's `x-death` reasons). */
export type DeathReason = 'rejected' | 'expired' | 'delivery_limit';

/** Where a queue sends the messages it gives up. */
export type DeadLetterSink = (queue: InProcessQueue, message: QueuedMessage, reason: DeathReason) => void;

interface Consumer {
  readonly concurrency: number;
  readonly handler: DeliveryHandler;
  readonly inFlight: Set<Promise<void>>;
}

// A broker delivers in its own context, never in the publisher's: a handler must not inherit, say, the
// transaction flow of the outbox relay that published its message (see SessionOwner). This is the context
// the module was loaded in, which holds no such state.
const detached = AsyncLocalStorage.snapshot();

const numberArgument = (value: string | number | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

/**
 * One queue of the in-process broker, honouring the arguments the topology uses: `x-message-ttl` (a message
 * waiting that long is dead-lettered as `expired`), `x-dead-letter-exchange` / `-routing-key`, and
 * `x-delivery-limit` (a message whose handler threw more often than that is dead-lettered). Messages go to
 * its consumers round-robin, each running at most `concurrency` handlers; handlers start on a later turn of
 * the event loop, never inside the publisher's call.
 */
export class InProcessQueue {
  readonly name: string;
  readonly ttlMs: number | undefined;
  readonly deadLetterExchange: string | undefined;
  readonly deadLetterRoutingKey: string | undefined;
  readonly deliveryLimit: number | undefined;
  readonly #messages: QueuedMessage[] = [];
  readonly #expiries = new Map<QueuedMessage, NodeJS.Timeout>();
  readonly #consumers: Consumer[] = [];
  #next = 0;
  #pumpScheduled = false;
  #closed = false;

  constructor(
    readonly declaration: QueueDeclaration,
    private readonly deadLetter: DeadLetterSink,
    private readonly logger?: Logger,
  ) {
    const args = declaration.arguments;
    this.name = declaration.queue;
    this.ttlMs = numberArgument(args['x-message-ttl']);
    const exchange = args['x-dead-letter-exchange'];
    this.deadLetterExchange = exchange === undefined ? undefined : String(exchange);
    const routingKey = args['x-dead-letter-routing-key'];
    this.deadLetterRoutingKey = routingKey === undefined ? undefined : String(routingKey);
    this.deliveryLimit = numberArgument(args['x-delivery-limit']);
  }

  /** Appends a message and wakes the consumers; a closed queue drops it. */
  enqueue(message: QueuedMessage): void {
    if (this.#closed) return;
    this.#messages.push(message);
    if (this.ttlMs !== undefined) {
      const timer = setTimeout(() => {
        this.#expiries.delete(message);
        const index = this.#messages.indexOf(message);
        if (index === -1) return;
        this.#messages.splice(index, 1);
        this.deadLetter(this, message, 'expired');
      }, this.ttlMs);
      this.#expiries.set(message, timer);
    }
    this.#schedulePump();
  }

  /** The messages waiting, oldest first. */
  waiting(): readonly QueuedMessage[] {
    return [...this.#messages];
  }

  /** Removes and returns the oldest waiting message (like `basic.get` without ack). */
  take(): QueuedMessage | undefined {
    const message = this.#messages.shift();
    if (message !== undefined) this.#forgetExpiry(message);
    return message;
  }

  /** Removes and returns every waiting message, oldest first. */
  drain(): QueuedMessage[] {
    const messages = this.#messages.splice(0);
    for (const message of messages) this.#forgetExpiry(message);
    return messages;
  }

  /** Adds a consumer; closing it stops its deliveries and waits for its handlers in flight. */
  consume(concurrency: number, handler: DeliveryHandler): Subscription {
    const consumer: Consumer = { concurrency: Math.max(1, concurrency), handler, inFlight: new Set() };
    this.#consumers.push(consumer);
    this.#schedulePump();
    return {
      close: async () => {
        const index = this.#consumers.indexOf(consumer);
        if (index !== -1) this.#consumers.splice(index, 1);
        await Promise.allSettled(consumer.inFlight);
      },
    };
  }

  /** Closes every consumer (waiting for their handlers) and drops the messages and their timers. */
  async close(): Promise<void> {
    this.#closed = true;
    const consumers = this.#consumers.splice(0);
    await Promise.allSettled(consumers.flatMap((consumer) => [...consumer.inFlight]));
    for (const timer of this.#expiries.values()) clearTimeout(timer);
    this.#expiries.clear();
    this.#messages.length = 0;
  }

  #forgetExpiry(message: QueuedMessage): void {
    clearTimeout(this.#expiries.get(message));
    this.#expiries.delete(message);
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() =>
      detached(() => {
        this.#pumpScheduled = false;
        this.#pump();
      }),
    );
  }

  #pump(): void {
    while (this.#messages.length > 0) {
      const consumer = this.#freeConsumer();
      if (consumer === undefined) return;
      const message = this.take();
      if (message !== undefined) this.#deliver(consumer, message);
    }
  }

  #freeConsumer(): Consumer | undefined {
    for (let i = 0; i < this.#consumers.length; i += 1) {
      const consumer = this.#consumers[(this.#next + i) % this.#consumers.length];
      if (consumer !== undefined && consumer.inFlight.size < consumer.concurrency) {
        this.#next = (this.#next + i + 1) % this.#consumers.length;
        return consumer;
      }
    }
    return undefined;
  }

  #deliver(consumer: Consumer, message: QueuedMessage): void {
    const run = this.#settle(consumer, message).finally(() => {
      consumer.inFlight.delete(run);
      this.#schedulePump();
    });
    consumer.inFlight.add(run);
  }

  async #settle(consumer: Consumer, message: QueuedMessage): Promise<void> {
    try {
      if ((await consumer.handler(deliveredFrom(message))) === 'dead-letter')
        this.deadLetter(this, message, 'rejected');
    } catch (error) {
      message.returns += 1;
      const limit = this.deliveryLimit;
      if (limit !== undefined && message.returns > limit) {
        this.logger?.error({ err: error, queue: this.name }, 'handler kept throwing; message dead-lettered');
        this.deadLetter(this, message, 'delivery_limit');
      } else {
        this.logger?.error({ err: error, queue: this.name }, 'handler threw; message requeued');
        this.enqueue(message);
      }
    }
  }
}

/** How a consumer (or an operator peeking at a queue) sees a queued message. */
export function deliveredFrom(message: QueuedMessage): DeliveredMessage {
  return {
    messageId: message.messageId,
    type: message.type,
    correlationId: message.correlationId,
    exchange: message.exchange,
    routingKey: message.routingKey,
    redelivered: message.returns > 0,
    headers:
      message.returns > 0 ? { ...message.headers, 'x-delivery-count': message.returns } : message.headers,
    body: JSON.parse(message.json),
    isJson: true,
    bodyBytes: Buffer.byteLength(message.json),
  };
}
