import { token } from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import {
  buildTopology,
  type DeliveredMessage,
  type OutgoingMessage,
  type Settlement,
  type Topology,
} from '@contextflow/runtime/messaging';
import { transportContract } from '@contextflow/runtime/testing/suites';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessTransport } from './in-process-transport.js';

const moduleNamed = (name: string, events: ContextModule['events'] = []): ContextModule => ({
  name,
  migrations: {},
  commands: [{ type: `${name}.do-it`, handler: token(`${name}.handler`), delivery: 'queued' }],
  queries: [],
  events,
  register: () => undefined,
});

const modules = [
  moduleNamed('users', [
    { name: 'users.on-account', events: ['auth.account-registered.v1'], handler: token('a') },
    { name: 'users.on-anything-v1', events: ['auth.*.v1'], handler: token('b') },
  ]),
  moduleNamed('auth', [{ name: 'auth.audit', events: ['#'], handler: token('c') }]),
];

const message = (
  exchange: string,
  routingKey: string,
  id: string = crypto.randomUUID(),
): OutgoingMessage => ({
  exchange,
  routingKey,
  messageId: id,
  type: routingKey,
  body: { id, routingKey },
  headers: { correlationId: id },
});

/** Records every delivery; settles as `settle` says. */
function recorder(settle: (m: DeliveredMessage) => Promise<Settlement> = async () => 'ack') {
  const seen: DeliveredMessage[] = [];
  return { seen, handle: (m: DeliveredMessage) => (seen.push(m), settle(m)) };
}

describe('InProcessTransport', () => {
  let transport: InProcessTransport;
  let topology: Topology;
  const queueOf = (context: string) => topology.commandQueues.get(context)!;
  const eventQueue = (name: string) => topology.eventQueues.get(name)!;

  const start = async (retry = { maxAttempts: 3, delaysMs: [20, 40] }) => {
    transport = new InProcessTransport();
    topology = buildTopology(modules, { retry });
    await transport.declare(topology);
  };
  afterEach(() => transport.close());

  it('routes a command to its context queue and an event to every subscription whose pattern matches', async () => {
    await start();
    const consumers = {
      users: recorder(),
      auth: recorder(),
      onAccount: recorder(),
      onAnyV1: recorder(),
      audit: recorder(),
    };
    const consume = (queue: ReturnType<typeof queueOf>, r: ReturnType<typeof recorder>) =>
      transport.consume({ queue: queue.declaration, concurrency: 2, prefetch: 4 }, r.handle);
    consume(queueOf('users'), consumers.users);
    consume(queueOf('auth'), consumers.auth);
    consume(eventQueue('users.on-account'), consumers.onAccount);
    consume(eventQueue('users.on-anything-v1'), consumers.onAnyV1);
    consume(eventQueue('auth.audit'), consumers.audit);

    await transport.publish(message(topology.names.commandsExchange, 'users.do-it', 'c1'));
    await transport.publish(message(topology.names.eventsExchange, 'auth.account-registered.v1', 'e1'));
    await transport.publish(message(topology.names.eventsExchange, 'auth.account-registered.v2', 'e2'));

    await expect.poll(() => consumers.audit.seen.length).toBe(2);
    expect(consumers.users.seen.map((m) => m.messageId)).toEqual(['c1']);
    expect(consumers.auth.seen).toEqual([]);
    expect(consumers.onAccount.seen.map((m) => m.messageId)).toEqual(['e1']);
    expect(consumers.onAnyV1.seen.map((m) => m.messageId)).toEqual(['e1']);
    expect(consumers.users.seen[0]).toMatchObject({
      exchange: topology.names.commandsExchange,
      routingKey: 'users.do-it',
      type: 'users.do-it',
      redelivered: false,
      headers: { correlationId: 'c1' },
      body: { id: 'c1', routingKey: 'users.do-it' },
      isJson: true,
    });
  });

  it('keeps messages published before a consumer starts, and delivers copies, not the published object', async () => {
    await start();
    const published = message(topology.names.commandsExchange, 'users.do-it');
    await transport.publish(published);
    const { seen, handle } = recorder();
    transport.consume({ queue: queueOf('users').declaration, concurrency: 1, prefetch: 1 }, handle);
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]?.body).toEqual(published.body);
    expect(seen[0]?.body).not.toBe(published.body);
  });

  it('rejects a publish to an exchange that was never declared', async () => {
    await start();
    await expect(transport.publish(message('nowhere', 'users.do-it'))).rejects.toThrow('no exchange');
  });

  it('dead-letters a rejected message into the queue’s dead-letter queue, where it can be inspected and taken', async () => {
    await start();
    const queue = queueOf('users');
    transport.consume({ queue: queue.declaration, concurrency: 1, prefetch: 1 }, async () => 'dead-letter');
    await transport.publish(message(topology.names.commandsExchange, 'users.do-it', 'd1'));
    await expect.poll(() => transport.peek(queue.deadLetterQueue).length).toBe(1);
    expect(transport.peek(queue.deadLetterQueue)[0]).toMatchObject({
      messageId: 'd1',
      body: { id: 'd1' },
      headers: {
        correlationId: 'd1',
        'x-first-death-queue': queue.declaration.queue,
        'x-first-death-reason': 'rejected',
      },
    });
    expect(transport.take(queue.deadLetterQueue)?.messageId).toBe('d1');
    expect(transport.take(queue.deadLetterQueue)).toBeUndefined();
  });

  it('runs at most `concurrency` handlers of a queue at once', async () => {
    await start();
    let running = 0;
    let most = 0;
    let done = 0;
    const handle = async (): Promise<Settlement> => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      done += 1;
      return 'ack';
    };
    transport.consume({ queue: queueOf('users').declaration, concurrency: 3, prefetch: 6 }, handle);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        transport.publish(message(topology.names.commandsExchange, 'users.do-it')),
      ),
    );
    await expect.poll(() => done).toBe(12);
    expect(most).toBe(3);
  });

  it('waits for in-flight handlers when a subscription closes, then delivers no more', async () => {
    await start();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = 0;
    const { seen, handle } = recorder(async () => {
      await gate;
      finished += 1;
      return 'ack';
    });
    const subscription = transport.consume(
      { queue: queueOf('users').declaration, concurrency: 1, prefetch: 1 },
      handle,
    );
    await transport.publish(message(topology.names.commandsExchange, 'users.do-it'));
    await expect.poll(() => seen.length).toBe(1);
    const closing = subscription.close();
    release();
    await closing;
    expect(finished).toBe(1);
    await transport.publish(message(topology.names.commandsExchange, 'users.do-it', 'later'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.length).toBe(1);
    expect(transport.peek(queueOf('users').declaration.queue).map((m) => m.messageId)).toEqual(['later']);
  });

  it('refuses to redeclare a queue with other arguments and rejects publishes once closed', async () => {
    await start();
    const queue = queueOf('users').declaration;
    await expect(
      transport.declare({ ...topology, queues: [{ ...queue, arguments: { 'x-message-ttl': 5 } }] }),
    ).rejects.toThrow('other arguments');
    await transport.close();
    await expect(transport.publish(message(topology.names.commandsExchange, 'users.do-it'))).rejects.toThrow(
      'closed',
    );
  });
});

transportContract('the in-process broker (InProcessTransport)', {
  open: async () => new InProcessTransport(),
});
