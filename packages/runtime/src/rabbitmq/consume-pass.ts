import type { AsyncMessage, Channel } from 'rabbitmq-client';

/** Options of {@link consumePass}. */
export interface ConsumePassOptions {
  /** A channel of its own: the pass sets its prefetch and settles every delivery on it. */
  readonly channel: Channel;
  readonly queue: string;
  /** Messages to visit at most: what the queue held when the pass began. */
  readonly count: number;
  /** Visits running at once at most. */
  readonly window: number;
  /** The queue's ready messages now (0 for a missing queue): ends a pass on a queue emptied meanwhile. */
  readonly ready: () => Promise<number>;
  /** Decides what becomes of a message: acked, or kept (given back when the pass ends). */
  readonly visit: (message: AsyncMessage) => Promise<'ack' | 'keep'>;
}

/** How long a pass waits for a delivery before it asks whether the queue still holds any. */
const IDLE_MS = 250;

/**
 * Visits up to `count` messages of `queue` through a consumer, up to `window` at once, and acks each one
 * its visit says to once that visit resolved; the kept ones, and any delivered past `count`, go back to the
 * queue (`basic.nack` with requeue) when the pass ends, after every visit settled. Resolves to how many went
 * back; a visit that throws keeps its message and the pass rethrows the first error once the rest settled.
 *
 * A consumer, not `basic.get`: on a quorum queue every `basic.get` is a consensus round of its own (tens of
 * ms each on a loaded machine), while a consumer's deliveries stream under one checkout. Kept messages stay
 * unacknowledged and hold the consumer's prefetch, so once half of it is held the pass moves on to a new
 * consumer on the same channel (the kept messages stay with the channel, still unacknowledged).
 */
export async function consumePass(options: ConsumePassOptions): Promise<number> {
  const { channel, queue, count, window } = options;
  const prefetch = window * 4;
  const inbox: AsyncMessage[] = [];
  const unacked = new Set<number>();
  const running = new Set<Promise<void>>();
  let wake: (() => void) | undefined;
  let keptByConsumer = 0;
  let firstError: unknown;
  const subscribe = async (): Promise<string> => {
    keptByConsumer = 0;
    const answer = await channel.basicConsume({ queue }, (message) => {
      unacked.add(message.deliveryTag);
      inbox.push(message);
      wake?.();
    });
    return answer.consumerTag;
  };
  const next = async (): Promise<AsyncMessage | undefined> => {
    for (;;) {
      const message = inbox.shift();
      if (message !== undefined) return message;
      const arrived = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), IDLE_MS);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      wake = undefined;
      if (!arrived && inbox.length === 0 && (await options.ready()) === 0) return undefined;
    }
  };
  const settle = async (message: AsyncMessage): Promise<void> => {
    try {
      if ((await options.visit(message)) === 'ack') {
        channel.basicAck({ deliveryTag: message.deliveryTag });
        unacked.delete(message.deliveryTag);
        return;
      }
    } catch (error) {
      firstError ??= error;
    }
    keptByConsumer += 1;
  };
  await channel.basicQos({ prefetchCount: prefetch });
  let consumer = await subscribe();
  for (let read = 0; read < count; read += 1) {
    while (running.size >= window) await Promise.race(running);
    if (firstError !== undefined) break;
    if (keptByConsumer >= prefetch / 2) {
      await channel.basicCancel(consumer);
      consumer = await subscribe();
    }
    const message = await next();
    if (message === undefined) break;
    const visit = settle(message).finally(() => running.delete(visit));
    running.add(visit);
  }
  await Promise.all(running);
  await channel.basicCancel(consumer);
  if (unacked.size > 0) {
    const last = [...unacked].reduce((max, tag) => Math.max(max, tag), 0);
    channel.basicNack({ deliveryTag: last, multiple: true, requeue: true });
  }
  if (firstError !== undefined) throw firstError;
  return unacked.size;
}
