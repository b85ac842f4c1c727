import { PendingCredentials } from '@contextflow/auth-app';
import { IdGenerator } from '@contextflow/core';
import { FixedClock } from '@contextflow/core/testing';
import { runInUnitOfWork } from '@contextflow/runtime';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { authRuntime } from '../../test/auth-runtime.js';
import type { AuthTables } from './auth-tables.js';
import { KyselyPendingCredentials, PENDING_CREDENTIAL_TTL_MS } from './kysely-pending-credentials.js';

const runtime = authRuntime();
const db = () => runtime().db as unknown as Kysely<AuthTables>;
const newId = () => runtime().container.resolve<IdGenerator>(IdGenerator).next();

describe('KyselyPendingCredentials', () => {
  it('hands a stored hash out once, and keeps it when the taking transaction rolls back', async () => {
    const credentials = new KyselyPendingCredentials(db(), new FixedClock());
    const id = newId();
    await credentials.put(id, '$argon2id$pending');
    await expect(
      runInUnitOfWork(runtime().container, runtime().db, async (scope) => {
        expect(await scope.resolve<PendingCredentials>(PendingCredentials).take(id)).toBe(
          '$argon2id$pending',
        );
        throw new Error('the registration failed afterwards');
      }),
    ).rejects.toThrow('the registration failed afterwards');
    expect(await credentials.take(id)).toBe('$argon2id$pending');
    expect(await credentials.take(id)).toBeNull();
    expect(await credentials.take('not-a-uuid')).toBeNull();
  });

  it('sweeps the hashes nobody took within the window, and only those', async () => {
    const clock = new FixedClock('2026-03-01T12:00:00.000Z');
    const credentials = new KyselyPendingCredentials(db(), clock);
    const [orphan, recent] = [newId(), newId()];
    await credentials.put(orphan, '$argon2id$orphan');
    clock.advance(PENDING_CREDENTIAL_TTL_MS - 1000);
    await credentials.put(recent, '$argon2id$recent');
    clock.advance(1000);
    // The next put after the sweep interval sweeps what is past the window.
    clock.advance(60_001);
    await credentials.put(newId(), '$argon2id$another');
    expect(await credentials.take(orphan)).toBeNull();
    expect(await credentials.take(recent)).toBe('$argon2id$recent');
  });
});
