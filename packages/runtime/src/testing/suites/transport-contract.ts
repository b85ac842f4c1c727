import type { ContextModule } from '@contextflow/core-infra';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveredMessage } from '../../messaging/delivered-message.js';
import type { MessageTransport, OutgoingMessage, Settlement } from '../../messaging/message-transport.js';
import { ATTEMPT_HEADER, DELIVERY_LIMIT } from '../../messaging/retry-policy.js';
import { attemptOf, RetryScheduler } from '../../messaging/retry-scheduler.js';
import { buildTopology, type Topology, type WorkQueue } from '../../messaging/topology.js';
import { uniquePrefix } from '../unique-prefix.js';

/** How {@link transportContract} reaches the transport under test. */
export interface TransportHarness {
  /** Opens a transport; called again after one was closed, which must reach the same broker (a restart). */
  open(): Promise<MessageTransport>;
  /** Removes the suite's queues and exchanges once it is done (a broker keeps them otherwise). */
  removeTopology?(topology: Topology): Promise<void>;
}

const probe: ContextModule = {
  name: 'contract',
  migrations: {},
  commands: [{ type: 'contract.do-it', handler: Symbol('contract.do-it'), delivery: 'queued' }],
  queries: [],
  events: [],
  register: () => undefined,
};

const RETRY = { maxAttempts: 3, delaysMs: [150, 300] } as const;
const byText = (a: string, b: string) => a.localeCompare(b);

/** Records every delivery and settles it as `settle` says. */
function recorder(settle: (message: DeliveredMessage) => Promise<Settlement> = async () => 'ack') {
  const seen: DeliveredMessage[] = [];
  return {
    seen,
    handle: (message: DeliveredMessage) => {
      seen.push(message);
      return settle(message);
    },
  };
}

/**
 * The contract every {@link MessageTransport} keeps, as the runtime relies on it: at-least-once delivery, a
 * message whose handler throws (a crashed consumer) delivered again and dead-lettered past the delivery limit,
 * a poison message dead-lettered on its first delivery, retries after the retry queue's delay, and nothing lost
 * at a graceful stop — the broker keeps what was not handled, or the transport hands its id back. The same
 * suite runs against RabbitMQ (this package) and the in-process broker (`@contextflow/embedded`).
 */
export function transportContract(name: string, harness: TransportHarness): void {
  describe(`${name} keeps the transport contract`, () => {
    const topology = buildTopology([probe], { namespace: uniquePrefix('contract'), retry: RETRY });
    const work = topology.commandQueues.get(probe.name) as WorkQueue;
    const deadLetters = topology.queues.find((queue) => queue.queue === work.deadLetterQueue);
    const open: MessageTransport[] = [];
    let transport: MessageTransport;

    const connect = async (): Promise<MessageTransport> => {
      const opened = await harness.open();
      open.push(opened);
      await opened.declare(topology);
      return opened;
    };
    const command = (id: string = crypto.randomUUID()): OutgoingMessage => ({
      exchange: topology.names.commandsExchange,
      routingKey: `${probe.name}.do-it`,
      messageId: id,
      type: `${probe.name}.do-it`,
      correlationId: `correlation-${id}`,
      headers: { causationId: `cause-${id}` },
      body: { id },
    });
    const consume = (
      handle: (message: DeliveredMessage) => Promise<Settlement>,
      on: MessageTransport = transport,
      queue = work.declaration,
    ) => on.consume({ queue, concurrency: 1, prefetch: 1 }, handle);
    const deadLettered = () => {
      const dead = recorder();
      if (deadLetters === undefined) throw new Error('the topology has no dead-letter queue');
      return { dead, subscription: consume(dead.handle, transport, deadLetters) };
    };

    beforeAll(async () => {
      transport = await connect();
    });
    afterEach(async () => {
      // Whatever a test left behind goes, so the next starts on empty queues.
      const drained = [work.declaration, ...(deadLetters === undefined ? [] : [deadLetters])].map((queue) =>
        consume(async () => 'ack', transport, queue),
      );
      await expect.poll(() => transport.messageCount(work.deadLetterQueue)).toBe(0);
      await expect.poll(() => transport.messageCount(work.declaration.queue)).toBe(0);
      await Promise.all(drained.map((subscription) => subscription.close()));
    });
    afterAll(async () => {
      await harness.removeTopology?.(topology);
      await Promise.allSettled(open.map((opened) => opened.close()));
    });

    it('delivers a published message to the queue it routes to, with its id, type, correlation and headers', async () => {
      const { seen, handle } = recorder();
      const subscription = consume(handle);
      await transport.publish(command('c-1'));
      await expect.poll(() => seen.length).toBe(1);
      await subscription.close();
      expect(seen[0]).toMatchObject({
        messageId: 'c-1',
        type: `${probe.name}.do-it`,
        correlationId: 'correlation-c-1',
        routingKey: `${probe.name}.do-it`,
        redelivered: false,
        headers: { causationId: 'cause-c-1' },
        body: { id: 'c-1' },
        isJson: true,
      });
    });

    it('delivers a message again when its handler throws, as after a crash of the consumer', async () => {
      let crashes = 0;
      const { seen, handle } = recorder(async () => {
        if (crashes++ === 0) throw new Error('the consumer crashed');
        return 'ack';
      });
      const subscription = consume(handle);
      await transport.publish(command('c-2'));
      await expect.poll(() => seen.length).toBe(2);
      await subscription.close();
      expect(seen.map((message) => [message.messageId, message.redelivered])).toEqual([
        ['c-2', false],
        ['c-2', true],
      ]);
    });

    it('dead-letters a message whose handler keeps throwing once it passed the delivery limit', async () => {
      const { dead, subscription: dlq } = deadLettered();
      const { seen, handle } = recorder(async () => {
        throw new Error('the consumer crashed again');
      });
      const subscription = consume(handle);
      await transport.publish(command('c-3'));
      await expect.poll(() => dead.seen.length, { timeout: 4_000 }).toBe(1);
      await Promise.all([subscription.close(), dlq.close()]);
      expect(seen).toHaveLength(DELIVERY_LIMIT + 1);
      expect(dead.seen[0]).toMatchObject({
        messageId: 'c-3',
        body: { id: 'c-3' },
        headers: { 'x-first-death-reason': 'delivery_limit', 'x-first-death-queue': work.declaration.queue },
      });
    });

    it('dead-letters a poison message on its first delivery, and keeps delivering the next', async () => {
      const { dead, subscription: dlq } = deadLettered();
      const { seen, handle } = recorder(async (message) =>
        message.messageId === 'poison' ? 'dead-letter' : 'ack',
      );
      const subscription = consume(handle);
      await transport.publish(command('poison'));
      await transport.publish(command('after-poison'));
      await expect.poll(() => dead.seen.length).toBe(1);
      await expect.poll(() => seen.map((message) => message.messageId)).toEqual(['poison', 'after-poison']);
      await Promise.all([subscription.close(), dlq.close()]);
      expect(dead.seen[0]).toMatchObject({
        messageId: 'poison',
        headers: { 'x-first-death-reason': 'rejected', 'x-first-death-queue': work.declaration.queue },
      });
    });

    it('delivers a retried message once its retry queue held it for the delay, counting its attempts', async () => {
      const retries = new RetryScheduler(transport, topology.retry);
      const times: number[] = [];
      const { seen, handle } = recorder(async (message) => {
        times.push(performance.now());
        const attempt = attemptOf(message);
        if (attempt < RETRY.maxAttempts) await retries.schedule(message, work, attempt, message.messageId!);
        return 'ack';
      });
      const subscription = consume(handle);
      await transport.publish(command('c-4'));
      await expect.poll(() => seen.length, { timeout: 4_000 }).toBe(RETRY.maxAttempts);
      await subscription.close();
      expect(seen.map((message) => [message.messageId, message.headers[ATTEMPT_HEADER]])).toEqual([
        ['c-4', undefined],
        ['c-4', 2],
        ['c-4', 3],
      ]);
      // Never earlier than its delay (a lower bound: how much later depends on the machine).
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY.delaysMs[0] - 10);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(RETRY.delaysMs[1] - 10);
    });

    it('loses nothing at a graceful stop: what no consumer finished stays with the broker or is handed back', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const handled: string[] = [];
      let entered = 0;
      const subscription = consume(async (message) => {
        entered += 1;
        await gate;
        handled.push(message.messageId ?? '');
        return 'ack';
      });
      for (const id of ['s-1', 's-2', 's-3']) await transport.publish(command(id));
      // A handler is running (the broker's count drops a moment before the client hands the message over,
      // so waiting on the count alone can close before any handler started).
      await expect.poll(() => entered).toBeGreaterThanOrEqual(1);
      const closing = subscription.close();
      release();
      await closing;
      // Every handler that had started finishes its message at a graceful stop.
      expect(handled).toHaveLength(entered);
      const handedBack = await transport.handBack(
        new Set([work.deadLetterQueue, topology.deadCommands.queue, topology.failures.queue]),
      );
      await transport.close();

      transport = await connect();
      const { seen, handle } = recorder();
      const restarted = consume(handle);
      const left = ['s-1', 's-2', 's-3'].filter((id) => !handled.includes(id));
      await expect
        .poll(() => [...seen.map((message) => message.messageId ?? ''), ...handedBack].sort(byText), {
          timeout: 4_000,
        })
        .toEqual(left);
      await restarted.close();
    });
  });
}
