import type { Principal } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { exampleModule } from '../testing/example-module.js';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

const alice: Principal = { userId: 'alice', roles: ['user'] };
const THING = '00000000-0000-7000-8000-0000000000aa';
const headers = { Authorization: 'Bearer alice-token', 'Content-Type': 'application/json' };
const rename = (extra: Record<string, string> = {}, body = '{"name":"New"}') => ({
  method: 'POST',
  headers: { ...headers, ...extra },
  body,
});

function harness() {
  return createHttpTestHarness({ modules: [exampleModule], tokens: { 'alice-token': alice } });
}

describe('sendCommand', () => {
  it('answers 202 with the command id, the extra body and Location', async () => {
    const { app, commandBus } = harness();
    const res = await app.request(`/things/${THING}/rename`, rename({ 'X-Request-Id': 'req-1' }));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { commandId: string; thingId: string };
    expect(body).toEqual({ commandId: expect.any(String), thingId: THING });
    expect(res.headers.get('location')).toBe(`/commands/${body.commandId}`);
    expect(commandBus.sent).toEqual([
      {
        type: 'things.rename-thing',
        payload: { id: THING, name: 'New' },
        meta: {
          commandId: body.commandId,
          actor: alice,
          correlationId: 'req-1',
          causationId: 'req-1',
          issuedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ]);
  });

  it('passes Idempotency-Key on, so a retry gets the first command back', async () => {
    const { app, commandBus } = harness();
    const first = await app.request(`/things/${THING}/rename`, rename({ 'Idempotency-Key': 'k-1' }));
    const again = await app.request(`/things/${THING}/rename`, rename({ 'Idempotency-Key': 'k-1' }));
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    expect(commandBus.sent.map((command) => command.meta.idempotencyKey)).toEqual(['k-1']);
  });

  it('answers 200 with the command view when Prefer: wait sees it finish', async () => {
    const { app, commands } = harness();
    const pending = app.request(`/things/${THING}/rename`, rename({ Prefer: 'wait=5' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const id = '00000000-0000-7000-8000-000000000002';
    commands.put({
      id,
      type: 'things.rename-thing',
      status: 'succeeded',
      result: { renamed: true },
      error: null,
      issuedBy: 'alice',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:01.000Z',
    });
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('wait');
    expect(await res.json()).toEqual({
      id,
      type: 'things.rename-thing',
      status: 'succeeded',
      result: { renamed: true },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:01.000Z',
    });
  });

  it('answers the usual 202 when the wait runs out', async () => {
    const { app } = harness();
    const started = Date.now();
    const res = await app.request(`/things/${THING}/rename`, rename({ Prefer: 'wait=1' }));
    expect(res.status).toBe(202);
    expect(res.headers.has('preference-applied')).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('refuses an Idempotency-Key with control characters', async () => {
    const { app } = harness();
    const res = await app.request(`/things/${THING}/rename`, rename({ 'Idempotency-Key': 'a b' }));
    expect(res.status).toBe(422);
  });

  it('refuses a command its registration delivers in-process: 500, and nothing of it is queued', async () => {
    const secretive = {
      ...exampleModule,
      commands: [{ type: 'things.rename-thing', handler: Symbol('rename'), delivery: 'in-process' as const }],
    };
    const { app, commandBus, logs } = createHttpTestHarness({
      modules: [secretive],
      tokens: { 'alice-token': alice },
    });
    const res = await app.request(`/things/${THING}/rename`, rename({}, '{"name":"hunter2"}'));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: 'internal.unexpected' });
    expect(commandBus.sent).toEqual([]);
    expect(JSON.stringify(logs)).not.toContain('hunter2');
  });
});
