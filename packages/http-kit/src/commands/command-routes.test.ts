import type { Principal } from '@contextflow/core';
import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

const ID = '00000000-0000-7000-8000-0000000000c1';
const tokens: Record<string, Principal> = {
  alice: { userId: 'alice', roles: ['user'] },
  bob: { userId: 'bob', roles: ['user'] },
  root: { userId: 'root', roles: ['user', 'admin'] },
};

function harness() {
  const h = createHttpTestHarness({ tokens });
  h.commands.put({
    id: ID,
    type: 'things.rename-thing',
    status: 'failed',
    result: null,
    error: {
      type: 'https://contextflow.dev/problems/things/taken',
      title: 'Conflict',
      status: 409,
      detail: 'Taken.',
      code: 'things.taken',
    },
    issuedBy: 'alice',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:02.000Z',
  });
  return h;
}

const get = (app: ReturnType<typeof harness>['app'], token?: string, id = ID) =>
  app.request(
    `/commands/${id}`,
    token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } },
  );

describe('GET /commands/{id}', () => {
  it('shows the command to its issuer, exactly as the API contract says', async () => {
    const res = await get(harness().app, 'alice');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: ID,
      type: 'things.rename-thing',
      status: 'failed',
      error: {
        type: 'https://contextflow.dev/problems/things/taken',
        title: 'Conflict',
        status: 409,
        detail: 'Taken.',
        code: 'things.taken',
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:02.000Z',
    });
  });

  it('shows the command to an admin', async () => {
    expect((await get(harness().app, 'root')).status).toBe(200);
  });

  it('hides the command from another user as if it did not exist', async () => {
    const { app } = harness();
    const other = await get(app, 'bob');
    const absent = await get(app, 'alice', '00000000-0000-7000-8000-0000000000ff');
    expect(other.status).toBe(404);
    expect(absent.status).toBe(404);
    const [a, b] = [await other.json(), await absent.json()] as Record<string, unknown>[];
    expect({ ...a, instance: undefined }).toEqual({ ...b, instance: undefined });
  });

  it('needs a caller for a command a user issued, and for an unknown id', async () => {
    const { app } = harness();
    const res = await get(app);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await get(app, undefined, '00000000-0000-7000-8000-0000000000ff')).status).toBe(401);
  });

  it('shows a command issued anonymously to whoever holds its id', async () => {
    const h = harness();
    const anonymous = '00000000-0000-7000-8000-0000000000a1';
    h.commands.put({
      id: anonymous,
      type: 'things.register-thing',
      status: 'pending',
      result: null,
      error: null,
      issuedBy: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const res = await get(h.app, undefined, anonymous);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: anonymous, status: 'pending' });
  });
});
