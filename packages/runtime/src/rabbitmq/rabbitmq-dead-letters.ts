import type { Logger } from '@contextflow/core-infra';
import { type AsyncMessage, type Channel, Connection, type SyncMessage } from 'rabbitmq-client';
import { amqpNodes } from '../messaging/amqp-nodes.js';
import { deathOf, redriveHeaders } from '../messaging/dead-letter-death.js';
import type {
  DeadLetter,
  DeadLetterResult,
  DeadLetterSelection,
  DeadLetterStore,
  RedriveHook,
} from '../messaging/dead-letter-store.js';
import type { Topology } from '../messaging/topology.js';
import { withDeadline } from '../timing/with-deadline.js';
import { consumePass } from './consume-pass.js';
import { toDelivered } from './to-delivered.js';

/** A queue name no dead-letter queue of the topology answers to. */
export class UnknownQueueError extends Error {
  override readonly name = 'UnknownQueueError';
}

/** Options of {@link RabbitMqDeadLetters}. */
export interface RabbitMqDeadLettersOptions {
  readonly url: string;
  readonly topology: Topology;
  readonly logger: Logger;
  /** How long a redriven copy may wait for the broker's confirm (10 s). */
  readonly publishTimeoutMs?: number;
}

type Visit = (letter: DeadLetter, message: SyncMessage) => Promise<'ack' | 'keep' | 'stop'>;

/** How long a pass waits for the queue to count the messages it gave back. */
const RETURN_WAIT_MS = 5_000;

/**
 * Dead letters a redrive or purge works on at once: enough for a paced redrive of a few hundred messages a
 * second while a batch of them waits for its confirms and commit (the redrive hook commits the ones
 * confirmed meanwhile together).
 */
const ACT_WINDOW = 64;

/**
 * The operator's view of the dead-letter queues on RabbitMQ: list, show, redrive and purge. AMQP cannot browse
 * a queue, so reading takes messages unacknowledged (`list` and `show` with `basic.get`, redrive and purge
 * through a consumer, several at once) and gives back the ones it keeps with `basic.nack(requeue)` when the
 * pass ends; a pass reads at most the messages the queue held when it began, so a redriven message that dies
 * again is not met twice. Redrive publishes a copy to the work queue it died
 * in (through the default exchange, so an event reaches only the subscription that failed it, not every
 * subscriber) with the same message id, its own headers, and no dead-letter headers or attempt counter;
 * the dead letter is acked only once the broker confirmed the copy.
 */
export class RabbitMqDeadLetters implements DeadLetterStore {
  readonly #connection: Connection;
  readonly #publishTimeoutMs: number;
  /** Dead-letter queue → the work queue it belongs to. */
  readonly #workQueues: ReadonlyMap<string, string>;

  constructor(options: RabbitMqDeadLettersOptions) {
    this.#publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    const work = [...options.topology.commandQueues.values(), ...options.topology.eventQueues.values()];
    this.#workQueues = new Map(work.map((queue) => [queue.deadLetterQueue, queue.declaration.queue]));
    const nodes = amqpNodes(options.url);
    this.#connection = new Connection({
      url: nodes.url,
      hosts: [...nodes.hosts],
      connectionName: 'contextflow-cli',
    });
    this.#connection.on('error', (error: unknown) =>
      options.logger.debug({ err: error }, 'amqp connection error'),
    );
  }

  /** Waits until the broker is reachable; rejects after `timeoutMs`. */
  async ready(timeoutMs = 10_000): Promise<void> {
    await this.#connection.onConnect(timeoutMs, true);
  }

  /**
   * The dead-letter queues a selection covers: all of the topology's, or the one `queue` names (a work queue
   * or its dead-letter queue). Throws {@link UnknownQueueError} for any other name.
   */
  queues(queue?: string): string[] {
    const all = [...this.#workQueues.keys()];
    if (queue === undefined) return all;
    const match = all.find((dlq) => dlq === queue || this.#workQueues.get(dlq) === queue);
    if (match === undefined)
      throw new UnknownQueueError(`no dead-letter queue for "${queue}"; known: ${all.join(', ')}`);
    return [match];
  }

  /** Messages waiting in each selected dead-letter queue (0 for one the broker does not have yet). */
  async counts(queue?: string): Promise<{ readonly queue: string; readonly messages: number }[]> {
    const queues = this.queues(queue);
    return Promise.all(queues.map(async (name) => ({ queue: name, messages: await this.#count(name) })));
  }

  /** Up to `limit` dead letters, queue by queue, oldest first; they stay where they are. */
  async list(options: {
    readonly queue?: string | undefined;
    readonly limit: number;
  }): Promise<DeadLetter[]> {
    const found: DeadLetter[] = [];
    for (const queue of this.queues(options.queue)) {
      if (found.length >= options.limit) break;
      await this.#scan(queue, async (letter) => {
        found.push(letter);
        return found.length >= options.limit ? 'stop' : 'keep';
      });
    }
    return found;
  }

  /** Every copy of the message with this id, in any dead-letter queue; they stay where they are. */
  async find(messageId: string, queue?: string): Promise<DeadLetter[]> {
    const found: DeadLetter[] = [];
    for (const name of this.queues(queue)) {
      await this.#scan(name, async (letter) => {
        if (letter.messageId === messageId) found.push(letter);
        return 'keep';
      });
    }
    return found;
  }

  /** Republishes the selected dead letters to the work queues they died in, acking each once confirmed. */
  async redrive(selection: DeadLetterSelection & { readonly hook?: RedriveHook }): Promise<DeadLetterResult> {
    const failed: { messageId: string | undefined; reason: string }[] = [];
    const result = await this.#act(selection, async (letter, message, channel) => {
      const target = letter.death?.queue ?? this.#workQueues.get(letter.deadLetterQueue);
      if (target === undefined || this.#workQueues.get(letter.deadLetterQueue) !== target) {
        failed.push({ messageId: letter.messageId, reason: `unknown origin queue ${target ?? '(none)'}` });
        return false;
      }
      const publish = async (): Promise<void> => {
        const sent = channel.basicPublish(
          {
            exchange: '',
            routingKey: target,
            mandatory: true,
            durable: true,
            ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
            ...(message.type === undefined ? {} : { type: message.type }),
            ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
            contentType: message.contentType ?? 'application/json',
            ...(message.timestamp === undefined ? {} : { timestamp: message.timestamp }),
            headers: redriveHeaders(message.headers ?? {}),
          },
          rawBody(message.body),
        );
        if (!(await withDeadline(sent, this.#publishTimeoutMs)))
          throw new Error('the broker did not confirm the redriven copy in time');
      };
      try {
        await (selection.hook === undefined ? publish() : selection.hook(letter, publish));
        return true;
      } catch (error) {
        failed.push({
          messageId: letter.messageId,
          reason: error instanceof Error ? error.message : String(error),
        });
        return false;
      }
    });
    return { ...result, failed };
  }

  /** Deletes the selected dead letters (all of a queue at once when no ids are given). */
  async purge(selection: DeadLetterSelection): Promise<DeadLetterResult> {
    if (selection.ids === undefined) {
      let done = 0;
      for (const queue of this.queues(selection.queue)) {
        if ((await this.#count(queue)) === 0) continue;
        done += (await this.#connection.queuePurge({ queue })).messageCount;
        selection.onProgress?.(done, done);
      }
      return { done, missing: [], failed: [] };
    }
    return this.#act(selection, async () => true);
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.#connection.close();
  }

  /**
   * Runs `act` on every selected dead letter, up to {@link ACT_WINDOW} at once; acks those it answers true for
   * once it did, gives the others back.
   */
  async #act(
    selection: DeadLetterSelection,
    act: (letter: DeadLetter, message: AsyncMessage, channel: Channel) => Promise<boolean>,
  ): Promise<DeadLetterResult> {
    const queues = this.queues(selection.queue);
    const wanted = selection.ids === undefined ? undefined : new Set(selection.ids);
    const seen = new Set<string>();
    let total = 0;
    for (const queue of queues) total += await this.#count(queue);
    if (wanted !== undefined) total = Math.min(total, wanted.size);
    let done = 0;
    for (const queue of queues) {
      const count = await this.#count(queue);
      if (count === 0) continue;
      const channel = await this.#connection.acquire();
      let kept = 0;
      try {
        await channel.confirmSelect();
        kept = await consumePass({
          channel,
          queue,
          count,
          window: ACT_WINDOW,
          ready: () => this.#count(queue),
          visit: async (message) => {
            const letter = toDeadLetter(queue, message);
            const id = letter.messageId;
            if (wanted !== undefined && (id === undefined || !wanted.has(id))) return 'keep';
            if (id !== undefined) seen.add(id);
            if (!(await act(letter, message, channel))) return 'keep';
            done += 1;
            selection.onProgress?.(done, Math.max(total, done));
            return 'ack';
          },
        });
      } finally {
        // Closing the channel also gives back whatever an error left unacknowledged.
        await channel.close();
      }
      await this.#returned(queue, kept);
    }
    const missing = wanted === undefined ? [] : [...wanted].filter((id) => !seen.has(id));
    return { done, missing, failed: [] };
  }

  /**
   * Reads up to the messages `queue` holds now, one `basic.get` at a time on a confirming channel, and settles
   * each as `visit` says: `ack` at once, `keep` (given back at the end), `stop` (keep it and end the pass).
   */
  async #scan(
    queue: string,
    visit: (letter: DeadLetter, message: SyncMessage, channel: Channel) => ReturnType<Visit>,
  ): Promise<void> {
    const count = await this.#count(queue);
    if (count === 0) return;
    const channel = await this.#connection.acquire();
    let lastKept = 0;
    let kept = 0;
    try {
      await channel.confirmSelect();
      for (let read = 0; read < count; read += 1) {
        const message = await channel.basicGet({ queue });
        if (message === undefined) break;
        const outcome = await visit(toDeadLetter(queue, message), message, channel);
        if (outcome === 'ack') channel.basicAck({ deliveryTag: message.deliveryTag });
        else [lastKept, kept] = [message.deliveryTag, kept + 1];
        if (outcome === 'stop') break;
      }
      // Every message still unacknowledged goes back to the queue (a quorum queue may reorder them).
      if (lastKept > 0) channel.basicNack({ deliveryTag: lastKept, multiple: true, requeue: true });
    } finally {
      // Closing the channel also gives back whatever an error left unacknowledged.
      await channel.close();
    }
    await this.#returned(queue, kept);
  }

  /**
   * Waits (up to {@link RETURN_WAIT_MS}) until the queue counts the `kept` messages a pass gave back: a quorum
   * queue applies the requeue after the channel closed, and until then counts them nowhere, so the next
   * operation (a `list` right after a `show`) would see an emptier queue than there is.
   */
  async #returned(queue: string, kept: number): Promise<void> {
    if (kept === 0) return;
    const deadline = Date.now() + RETURN_WAIT_MS;
    while ((await this.#count(queue)) < kept && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async #count(queue: string): Promise<number> {
    try {
      return (await this.#connection.queueDeclare({ queue, passive: true })).messageCount;
    } catch (error) {
      // A queue the worker never declared holds nothing yet.
      if (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND') return 0;
      throw error;
    }
  }
}

function rawBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  // rabbitmq-client parsed an application/json body: serialise it back.
  return Buffer.from(JSON.stringify(body) ?? 'null');
}

function toDeadLetter(queue: string, message: AsyncMessage | SyncMessage): DeadLetter {
  const delivered = toDelivered(message);
  return {
    messageId: delivered.messageId,
    type: delivered.type,
    deadLetterQueue: queue,
    death: deathOf(delivered.headers),
    correlationId: delivered.correlationId,
    headers: delivered.headers,
    body: delivered.isJson ? delivered.body : rawBody(message.body).toString('utf8'),
  };
}

export type { DeadLetter, DeadLetterResult, DeadLetterSelection, RedriveHook };
