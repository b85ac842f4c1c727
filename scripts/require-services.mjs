#!/usr/bin/env node
// Fails loudly unless PostgreSQL and RabbitMQ answer their own protocol: the integration and end-to-end suites
// never skip for want of a service.
import { connect } from 'node:net';

const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const amqpUrl = new URL(process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');

/** Opens a TCP connection, writes `hello`, and resolves with the first bytes the server answers. */
function probe(host, port, hello, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => socket.write(hello));
    socket.once('data', (data) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(data);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const checks = [
  {
    name: 'PostgreSQL',
    url: pgUrl,
    // SSLRequest: a PostgreSQL server answers one byte, 'S' or 'N'.
    run: () => probe(pgUrl.hostname, Number(pgUrl.port || 5432), Buffer.from([0, 0, 0, 8, 4, 210, 22, 47])),
    ok: (data) => data.length === 1 && (data[0] === 0x4e || data[0] === 0x53),
  },
  {
    name: 'RabbitMQ',
    url: amqpUrl,
    // AMQP 0-9-1 protocol header: the broker answers with a method frame (type 1), Connection.Start.
    run: () =>
      probe(amqpUrl.hostname, Number(amqpUrl.port || 5672), Buffer.from('AMQP\x00\x00\x09\x01', 'latin1')),
    ok: (data) => data[0] === 1,
  },
];

let failed = 0;
for (const check of checks) {
  const where = `${check.url.hostname}:${check.url.port}`;
  try {
    const data = await check.run();
    if (!check.ok(data)) throw new Error('it answered, but not as the expected protocol');
  } catch (error) {
    failed += 1;
    console.error(
      `services: ${check.name} is not reachable at ${where} (${error.message}). The integration and end-to-end tests need it; they never skip.`,
    );
  }
}
if (failed > 0) process.exit(1);
console.log('services: PostgreSQL and RabbitMQ are reachable');
