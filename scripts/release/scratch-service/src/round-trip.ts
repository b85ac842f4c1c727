// Runs the service against a fresh PostgreSQL database and a random RabbitMQ namespace and walks
// register → login → me through the published typed client; removes the database and broker names after.
import { createClient, expectStatus } from '@contextflow/client';
import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { createTestDatabase, testAmqpUrl, uniquePrefix } from '@contextflow/runtime/testing';
import { modules, startService } from './service.ts';

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const database = await createTestDatabase();
const namespace = uniquePrefix('round-trip');
const amqpUrl = testAmqpUrl();
try {
  const service = await startService({ databaseUrl: database.url, amqpUrl, namespace });
  try {
    const anonymous = createClient({ baseUrl: service.url });
    const hello = await fetch(`${service.url}/hello`).then((reply) => reply.text());
    if (hello !== 'hello from the service') throw new Error(`the service's own route answered ${hello}`);
    const docs = await fetch(`${service.url}/docs/swagger-ui-bundle.js`);
    if (docs.status !== 200) throw new Error(`the docs page's script answered ${docs.status}`);

    const email = `round-trip-${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    const registered = expectStatus(
      await anonymous.post('/auth/register', {
        body: { email, password, name: 'Round Trip' },
        headers: { prefer: 'wait=20' },
      }),
      200,
    );
    if (registered.body.status !== 'succeeded') throw new Error(`registration ${registered.body.status}`);

    const tokens = expectStatus(await anonymous.post('/auth/login', { body: { email, password } }), 200).body;
    const signedIn = createClient({ baseUrl: service.url, token: tokens.accessToken });
    // The profile follows from the account-registered event: eventually consistent.
    const me = await eventually(async () => {
      const reply = await signedIn.get('/users/me');
      return reply.status === 200 ? reply.body : undefined;
    }, 20_000);
    if (me.email !== email || me.name !== 'Round Trip')
      throw new Error(`unexpected profile ${JSON.stringify(me)}`);
    console.log(JSON.stringify({ registered: registered.body.id, userId: me.id, status: me.status }));
  } finally {
    await service.stop();
  }
} finally {
  const transport = new RabbitMqTransport({ url: amqpUrl, logger: createLogger({ level: 'silent' }) });
  try {
    await transport.deleteTopology(buildTopology(modules, { namespace }));
  } finally {
    await transport.close();
  }
  await database.drop();
}
