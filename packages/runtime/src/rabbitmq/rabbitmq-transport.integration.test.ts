import type { ContextModule } from '@contextflow/core-infra';
import { pino } from 'pino';
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTopology } from '../messaging/topology.js';
import { removeTopology } from '../testing/remove-topology.js';
import { transportContract } from '../testing/suites/transport-contract.js';
import { testAmqpUrl } from '../testing/test-urls.js';
import { uniquePrefix } from '../testing/unique-prefix.js';
import { RabbitMqTransport } from './rabbitmq-transport.js';

const amqpUrl = testAmqpUrl();
const logger = pino({ level: 'silent' });
const module: ContextModule = {
  name: 'probe',
  migrations: {},
  commands: [{ type: 'probe.x', handler: Symbol('probe.x'), delivery: 'queued' }],
  queries: [],
  events: [{ name: 'probe.react', events: ['probe.happened.v1'], handler: Symbol('h') }],
  register: () => {},
};
const topology = buildTopology([module], { namespace: uniquePrefix('transport') });
const commandQueue = topology.commandQueues.get('probe')!;

/** A publish no queue is bound for (the broker drops it): only its writes matter. */
const publishUnbound = (transport: RabbitMqTransport, messageId: string) =>
  transport.publish({
    exchange: topology.names.commandsExchange,
    routingKey: 'probe.unbound',
    messageId,
    type: 'probe.unbound',
    body: {},
  });

describe('RabbitMqTransport', () => {
  let transport: RabbitMqTransport;
  let raw: Connection;

  beforeAll(async () => {
    transport = new RabbitMqTransport({ url: amqpUrl, logger });
    await transport.ready();
    raw = new Connection(amqpUrl);
    raw.on('error', () => {});
    await transport.declare(topology);
  });

  afterAll(async () => {
    await transport.deleteTopology(topology);
    await transport.close();
    await raw.close();
  });

  it("coalesces its writes: it finds rabbitmq-client's socket on connecting", async () => {
    const lines: Record<string, unknown>[] = [];
    const debug = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const probe = new RabbitMqTransport({ url: amqpUrl, logger: debug });
    try {
      await probe.ready();
      await expect
        .poll(() => lines.find((line) => line.msg === 'amqp connected'))
        .toMatchObject({ coalescedWrites: true });
    } finally {
      await probe.close();
    }
  });

  it('counts as connected while it writes: a corked socket is not a lost connection', async () => {
    // Every publish corks the socket until the next turn (coalesceWrites); a readiness check or a
    // dead-letter count at that moment must still find the broker there.
    // Checked after a publish was confirmed, and while one is being written.
    const checks = Array.from({ length: 20 }, async (_, n) => {
      await publishUnbound(transport, `corked-${n}`);
      return transport.checkConnected();
    });
    const during = Array.from({ length: 20 }, async (_, n) => {
      void publishUnbound(transport, `corking-${n}`);
      await Promise.resolve();
      return transport.checkConnected();
    });
    await expect(Promise.all([...checks, ...during])).resolves.toHaveLength(40);
  });

  it('declares the same topology again without complaint', async () => {
    await expect(transport.declare(topology)).resolves.toBeUndefined();
  });

  it('dead-letters a message that is not JSON and keeps consuming', async () => {
    const good: string[] = [];
    const subscription = transport.consume(
      { queue: commandQueue.declaration, concurrency: 1, prefetch: 1 },
      async (m) => {
        if (!m.isJson) return 'dead-letter';
        good.push(m.messageId ?? '');
        return 'ack';
      },
    );
    const publisher = raw.createPublisher({ confirm: true });
    await publisher.send(
      {
        exchange: topology.names.commandsExchange,
        routingKey: 'probe.x',
        contentType: 'application/json',
        durable: true,
      },
      Buffer.from('{not json'),
    );
    await publisher.close();
    await transport.publish({
      exchange: topology.names.commandsExchange,
      routingKey: 'probe.x',
      messageId: 'after-poison',
      type: 'probe.x',
      body: {},
    });
    await expect.poll(() => good, { timeout: 5_000 }).toEqual(['after-poison']);
    await subscription.close();
    await expect
      .poll(async () => (await raw.queueDeclare({ ...commandQueue.declaration, passive: true })).messageCount)
      .toBe(0);
    await expect
      .poll(async () => (await raw.basicGet({ queue: commandQueue.deadLetterQueue, noAck: true }))?.body)
      .toEqual(Buffer.from('{not json'));
  });
});

transportContract('RabbitMQ (RabbitMqTransport)', {
  open: async () => {
    const opened = new RabbitMqTransport({ url: amqpUrl, logger });
    await opened.ready();
    return opened;
  },
  removeTopology: (declared) => removeTopology(declared, amqpUrl),
});
