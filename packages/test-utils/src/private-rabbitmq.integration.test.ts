import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Connection, type ConnectionOptions } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptsTcp } from './accepts-tcp.js';
import { type PrivateRabbitMq, startPrivateRabbitMq } from './private-rabbitmq.js';

const processesMatching = (pattern: string): string => {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches.
  }
};

const timed = async (label: string, action: () => Promise<void>): Promise<void> => {
  const started = performance.now();
  await action();
  console.log(`${label} took ${Math.round(performance.now() - started)} ms`);
};

const quorumQueue = (queue: string) => ({
  queue,
  durable: true,
  arguments: { 'x-queue-type': 'quorum' as const },
});

// Broker and database life-cycle steps take tens of seconds on a loaded 2-core machine (stop_app: 32 s seen in CI).
describe('startPrivateRabbitMq', { timeout: 180_000 }, () => {
  let broker: PrivateRabbitMq;
  const connections: Connection[] = [];

  /** A client that reconnects quickly and records every connection-level error it reports. */
  const connect = (options: ConnectionOptions = {}): { rabbit: Connection; errors: unknown[] } => {
    const rabbit = new Connection({ url: broker.url, retryLow: 100, retryHigh: 500, ...options });
    const errors: unknown[] = [];
    rabbit.on('error', (error) => errors.push(error));
    connections.push(rabbit);
    return { rabbit, errors };
  };

  beforeAll(async () => {
    await timed('startPrivateRabbitMq()', async () => {
      broker = await startPrivateRabbitMq();
    });
  });

  afterAll(async () => {
    for (const rabbit of connections) rabbit.unsafeDestroy();
    await broker?.destroy();
  });

  it('serves AMQP on its own port, not on the shared one', async () => {
    expect(broker.port).not.toBe(5672);
    const { rabbit } = connect();
    await rabbit.onConnect(5_000);
    expect(rabbit.ready).toBe(true);
    await rabbit.close();
  });

  it('keeps a confirmed persistent message in a durable quorum queue through kill -9 and a restart', async () => {
    const { rabbit, errors } = connect();
    await rabbit.queueDeclare(quorumQueue('kill-probe'));
    const publisher = rabbit.createPublisher({ confirm: true });
    await publisher.send({ routingKey: 'kill-probe', durable: true, messageId: 'before-kill' }, { n: 1 });

    await timed('kill()', () => broker.kill());
    // The client learns of the stop from its socket: that can take seconds on a loaded machine.
    await vi.waitFor(() => expect(rabbit.ready).toBe(false), { timeout: 20_000 });
    await vi.waitFor(() => expect(errors).not.toEqual([]));
    expect(await acceptsTcp(broker.port)).toBe(false);

    await timed('start() after kill', () => broker.start());
    const message = await rabbit.basicGet({ queue: 'kill-probe', noAck: true });
    expect(message?.messageId).toBe('before-kill');
    expect(message?.body).toEqual({ n: 1 });
    await publisher.close();
    await rabbit.close();
  });

  it('lets an auto-reconnecting consumer consume again after stop_app and start_app', async () => {
    const { rabbit } = connect();
    let connects = 0;
    rabbit.on('connection', () => {
      connects += 1;
    });
    const received: string[] = [];
    const consumer = rabbit.createConsumer(
      { queue: 'app-probe', queueOptions: quorumQueue('app-probe'), qos: { prefetchCount: 10 } },
      (message) => {
        received.push(message.messageId ?? '');
      },
    );
    consumer.on('error', () => {}); // Losing the broker is the point of this test.
    const publisher = rabbit.createPublisher({ confirm: true, maxAttempts: 5 });
    await publisher.send({ routingKey: 'app-probe', durable: true, messageId: 'before-stop' }, { n: 1 });
    await vi.waitFor(() => expect(received).toEqual(['before-stop']));

    await timed('stopApp()', () => broker.stopApp());
    // The client learns of the stop from its socket: that can take seconds on a loaded machine.
    await vi.waitFor(() => expect(rabbit.ready).toBe(false), { timeout: 20_000 });
    await timed('startApp()', () => broker.startApp());

    await publisher.send({ routingKey: 'app-probe', durable: true, messageId: 'after-start' }, { n: 2 });
    await vi.waitFor(() => expect(received).toEqual(['before-stop', 'after-start']), { timeout: 20_000 });
    expect(connects).toBeGreaterThanOrEqual(2);
    await consumer.close();
    await publisher.close();
    await rabbit.close();
  });

  it('stops gracefully: the VM exits and its port closes', async () => {
    await timed('stop()', () => broker.stop());
    expect(processesMatching(broker.dataDir)).toBe('');
    expect(await acceptsTcp(broker.port)).toBe(false);
  });

  it('leaves no process and no files behind after destroy()', async () => {
    expect(processesMatching(`epmd -port ${broker.epmdPort}`)).not.toBe('');
    await timed('destroy()', () => broker.destroy());
    expect(processesMatching(broker.dataDir)).toBe('');
    expect(processesMatching(`epmd -port ${broker.epmdPort}`)).toBe('');
    expect(existsSync(broker.dataDir)).toBe(false);
  });
});
