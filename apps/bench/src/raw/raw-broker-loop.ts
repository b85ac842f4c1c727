import { Pool } from 'pg';
// The raw broker baseline: bare rabbitmq-client and pg. It publishes COUNT persistent messages with publisher
// confirms to a quorum queue of its own (at most WINDOW unconfirmed) while a consumer with the worker's
// concurrency and prefetch inserts each one into a table in a transaction and acks it. It answers, over IPC,
// the messages per second from the first publish to the last commit and the publish → commit latencies.
import { Connection, ConsumerStatus } from 'rabbitmq-client';

const env = process.env;
const count = Number(env.COUNT ?? 3000);
const concurrency = Number(env.CONCURRENCY ?? 10);
const prefetch = Number(env.PREFETCH ?? concurrency * 2);
const window = Number(env.WINDOW ?? 100);
const queue = env.QUEUE ?? 'bench.raw';
const pool = new Pool({ connectionString: env.DATABASE_URL, max: concurrency });
const connection = new Connection({ url: env.AMQP_URL, connectionName: 'bench-raw' });
connection.on('error', (error: unknown) => console.error('amqp', error));

const latencies: number[] = [];
let firstPublish = 0;
let lastCommit = 0;
let done: () => void = () => {};
const finished = new Promise<void>((resolve) => {
  done = resolve;
});

await connection.queueDeclare({ queue, durable: true, arguments: { 'x-queue-type': 'quorum' } });
const consumer = connection.createConsumer(
  {
    queue,
    queueOptions: { durable: true, arguments: { 'x-queue-type': 'quorum' } },
    qos: { prefetchCount: prefetch },
    concurrency,
  },
  async (message) => {
    // rabbitmq-client parses an application/json body already.
    const body = message.body as { sentAt: number };
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('insert into bench_raw.inbox (message_id, body) values ($1, $2)', [
        message.messageId,
        JSON.stringify(body),
      ]);
      await client.query('commit');
    } finally {
      client.release();
    }
    lastCommit = performance.now();
    latencies.push(lastCommit - body.sentAt);
    if (latencies.length === count) done();
    return ConsumerStatus.ACK;
  },
);
// A failing handler would be requeued forever: this loop has no reason to fail, so one failure ends it.
consumer.on('error', (error: unknown) => {
  console.error('raw broker loop failed', error);
  void connection.queueDelete({ queue }).finally(() => process.exit(1));
});
const publisher = connection.createPublisher({ confirm: true, maxAttempts: 3 });

firstPublish = performance.now();
const inFlight = new Set<Promise<void>>();
for (let i = 0; i < count; i++) {
  const sent = publisher
    .send(
      { routingKey: queue, durable: true, messageId: crypto.randomUUID(), contentType: 'application/json' },
      Buffer.from(JSON.stringify({ n: i, sentAt: performance.now() })),
    )
    .finally(() => inFlight.delete(sent));
  inFlight.add(sent);
  if (inFlight.size >= window) await Promise.race(inFlight);
}
await Promise.all(inFlight);
await finished;
const seconds = (lastCommit - firstPublish) / 1000;
const sorted = latencies.toSorted((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
await consumer.close();
await publisher.close();
await connection.queueDelete({ queue });
await connection.close();
await pool.end();
process.send?.(
  { result: { messages: count, seconds, perSecond: count / seconds, p50: at(0.5), p99: at(0.99) } },
  () => process.exit(0),
);
