import { type PrivateRabbitMq, startPrivateRabbitMq } from '@contextflow/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, eventually, signUp } from './support/accounts.js';
import { client } from './support/http-client.js';
import { startSystem, type System } from './support/system.js';

let broker: PrivateRabbitMq;
let system: System;
let call: ReturnType<typeof client>;
let carol: Account;

beforeAll(async () => {
  // A private broker this test may stop: the shared one is never touched.
  broker = await startPrivateRabbitMq();
  system = await startSystem({ amqpUrl: broker.url });
  call = client(system.baseUrl);
  carol = await signUp(call, 'carol@example.com', 'Carol');
}, 180_000);

afterAll(async () => {
  await system?.close();
  await broker?.destroy();
});

describe('a broker outage', () => {
  it('accepts commands while RabbitMQ is down and processes every one after it returns', async () => {
    await broker.stopApp();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const accepted = await call<{ commandId: string }>('PATCH', `/users/${carol.userId}`, {
        token: carol.accessToken,
        body: { name: `Carol ${i}` },
      });
      expect(accepted.status).toBe(202);
      ids.push(accepted.body.commandId);
    }
    // Reads keep working without the broker.
    expect((await call('GET', '/users/me', { token: carol.accessToken })).status).toBe(200);
    await broker.startApp();
    for (const id of ids) {
      const status = await eventually(async () => {
        const { body } = await call<{ status: string }>('GET', `/commands/${id}`, {
          token: carol.accessToken,
        });
        return body.status === 'succeeded' || body.status === 'failed' ? body.status : undefined;
      }, 60_000);
      expect(status).toBe('succeeded');
    }
    const me = await call<{ name: string }>('GET', '/users/me', { token: carol.accessToken });
    expect(me.body.name).toMatch(/^Carol \d+$/);
  }, 120_000);
});
