import type { ContextModule } from '@contextflow/core-infra';
import { pino } from 'pino';
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveredMessage } from '../messaging/delivered-message.js';
import { buildTopology } from '../messaging/topology.js';
import { testAmqpUrl, uniquePrefix } from '../testing/index.js';
import { RabbitMqTransport } from './rabbitmq-transport.js';

const amqpUrl = testAmqpUrl();
const logger = pino({ level: 'silent' });
const module: ContextModule = {
  name: 'probe',
  migrations: {},
  commands: [],
  queries: [],
  events: [{ name: 'probe.react', events: ['probe.happened.v1'], handler: Symbol('h') }],
  register: () => {},
};
const topology = buildTopology([module], { namespace: uniquePrefix('transport') });
const commandQueue = topology.commandQueues.get('probe')!;

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

  it('declares the same topology again without complaint', async () => {
    await expect(transport.declare(topology)).resolves.toBeUndefined();
  });

  it('delivers a confirmed message with its id, type, correlation id and headers', async () => {
    const received: DeliveredMessage[] = [];
    const subscription = transport.consume(
      { queue: commandQueue.declaration, concurrency: 2, prefetch: 4 },
      async (m) => {
        received.push(m);
        return 'ack';
      },
    );
    await transport.publish({
      exchange: topology.names.commandsExchange,
      routingKey: 'probe.do-something',
      messageId: 'm-1',
      type: 'probe.do-something',
      correlationId: 'corr-1',
      headers: { 'x-causation-id': 'cause-1' },
      body: { hello: 'world' },
    });
    await expect.poll(() => received.length, { timeout: 5_000 }).toBe(1);
    await subscription.close();
    expect(received[0]).toMatchObject({
      messageId: 'm-1',
      type: 'probe.do-something',
      correlationId: 'corr-1',
      headers: { 'x-causation-id': 'cause-1' },
      body: { hello: 'world' },
      isJson: true,
    });
  });

  it('dead-letters a poison message and keeps consuming', async () => {
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
