import { AppError, type Principal } from '@contextflow/core';
import { FixedClock } from '@contextflow/core/testing';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCommand } from '../testing/build-command.js';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { PgCommandStore } from './pg-command-store.js';

const ada: Principal = { userId: 'u-ada', roles: ['user'] };

/** A W3C traceparent of its own for the n-th command. */
const trace = (n: number) => `00-${String(n).padStart(32, '0')}-${'1'.repeat(16)}-01`;

/** A store on a handle of `db` that counts the statements that succeed through it. */
function counting(db: Kysely<PlatformTables>) {
  const counter = { statements: 0 };
  const counted = db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      counter.statements += 1;
      return Promise.resolve(args.result);
    },
  });
  return { counter, store: new PgCommandStore(counted, new FixedClock('2026-03-01T12:00:00.000Z')) };
}

describe('PgCommandStore', () => {
  let t: OpenTestDatabase;
  let store: PgCommandStore;
  beforeAll(async () => {
    t = await openTestDatabase();
    store = new PgCommandStore(t.db, new FixedClock('2026-03-01T12:00:00.000Z'));
  });
  afterAll(() => t.close());

  const commandRow = (id: string) =>
    t.db.selectFrom('platform.commands').selectAll().where('id', '=', id).executeTakeFirst();
  const outboxRows = (id: string) =>
    t.db.selectFrom('platform.outbox').selectAll().where('message_id', '=', id).execute();

  it('writes a pending command row and its outbox message', async () => {
    const command = buildCommand('users.rename-user', { id: 'u-ada', name: 'Ada' }, { actor: ada });
    const accepted = await store.accept(t.db, command, { traceparent: '00-abc-def-01' });
    expect(accepted).toEqual({
      commandId: command.meta.commandId,
      replayed: false,
      payload: command.payload,
    });
    const row = await commandRow(command.meta.commandId);
    expect(row).toMatchObject({
      type: 'users.rename-user',
      payload: { id: 'u-ada', name: 'Ada' },
      status: 'pending',
      caller: 'user:u-ada',
      issued_by: 'u-ada',
      idempotency_key: null,
      traceparent: '00-abc-def-01',
      attempts: 0,
      created_at: new Date('2026-03-01T12:00:00.000Z'),
    });
    const [message] = await outboxRows(command.meta.commandId);
    expect(message).toMatchObject({
      kind: 'command',
      routing_key: 'users.rename-user',
      body: JSON.parse(JSON.stringify(command)) as unknown,
      headers: {
        correlationId: command.meta.correlationId,
        causationId: command.meta.causationId,
        traceparent: '00-abc-def-01',
      },
      sent_at: null,
    });
  });

  it.each([
    ['a NUL character in the payload', { name: 'nul\u0000byte' }, '/payload/name'],
    ['a lone surrogate deep in the payload', { tags: [{ label: 'x\udc00' }] }, '/payload/tags/0/label'],
    ['a lone surrogate in a payload key', { ['k\ud800']: 1 }, '/payload/k\ud800'],
  ])('refuses %s as invalid input and writes nothing', async (_label, payload, pointer) => {
    const command = buildCommand('users.rename-user', payload, { actor: ada });
    const refused = await store.accept(t.db, command).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      kind: 'invalid',
      code: 'commands.unstorable_text',
      issues: [{ pointer }],
    });
    expect(await commandRow(command.meta.commandId)).toBeUndefined();
    expect(await outboxRows(command.meta.commandId)).toEqual([]);
  });

  it('writes neither row when the outbox write fails', async () => {
    const command = buildCommand('users.rename-user', { name: 'Ada' });
    await t.db
      .insertInto('platform.outbox')
      .values({
        message_id: command.meta.commandId,
        kind: 'command',
        routing_key: 'x',
        body: '{}',
        headers: '{}',
      })
      .execute();
    await expect(store.accept(t.db, command)).rejects.toMatchObject({ code: '23505' });
    expect(await commandRow(command.meta.commandId)).toBeUndefined();
  });

  it('replays the first command for the same caller, key and body', async () => {
    const first = buildCommand('users.rename-user', { a: 1, b: 2 }, { actor: ada, idempotencyKey: 'k-same' });
    const again = buildCommand('users.rename-user', { b: 2, a: 1 }, { actor: ada, idempotencyKey: 'k-same' });
    await expect(store.accept(t.db, first)).resolves.toEqual({
      commandId: first.meta.commandId,
      replayed: false,
      payload: { a: 1, b: 2 },
    });
    // A replay answers with the first command's stored payload.
    await expect(store.accept(t.db, again)).resolves.toEqual({
      commandId: first.meta.commandId,
      replayed: true,
      payload: { a: 1, b: 2 },
    });
    expect(await commandRow(again.meta.commandId)).toBeUndefined();
    expect(await outboxRows(again.meta.commandId)).toEqual([]);
  });

  it('rejects a different body under a key already used', async () => {
    await store.accept(
      t.db,
      buildCommand('users.rename-user', { name: 'A' }, { actor: ada, idempotencyKey: 'k-diff' }),
    );
    const different = buildCommand(
      'users.rename-user',
      { name: 'B' },
      { actor: ada, idempotencyKey: 'k-diff' },
    );
    const error: unknown = await store.accept(t.db, different).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'commands.idempotency_key_reused' });
  });

  it('scopes idempotency keys by caller', async () => {
    const mine = buildCommand('users.rename-user', { name: 'A' }, { actor: ada, idempotencyKey: 'k-scope' });
    const grace: Principal = { userId: 'grace', roles: ['user'] };
    const theirs = buildCommand(
      'users.rename-user',
      { name: 'A' },
      { actor: grace, idempotencyKey: 'k-scope' },
    );
    await store.accept(t.db, mine);
    await expect(store.accept(t.db, theirs)).resolves.toEqual({
      commandId: theirs.meta.commandId,
      replayed: false,
      payload: { name: 'A' },
    });
  });

  it('ignores an idempotency key without a caller: never looked up, never stored (no shared anonymous scope)', async () => {
    const first = buildCommand('auth.register', { id: 'b' }, { idempotencyKey: 'k-anonymous' });
    const second = buildCommand('auth.register', { id: 'a' }, { idempotencyKey: 'k-anonymous' });
    const options = { fingerprint: { email: 'same@example.com' } };
    await expect(store.accept(t.db, first, options)).resolves.toMatchObject({ replayed: false });
    await expect(store.accept(t.db, second, options)).resolves.toEqual({
      commandId: second.meta.commandId,
      replayed: false,
      payload: { id: 'a' },
    });
    const stored = await t.db
      .selectFrom('platform.commands')
      .select('idempotency_key')
      .where('id', 'in', [first.meta.commandId, second.meta.commandId])
      .execute();
    expect(stored).toEqual([{ idempotency_key: null }, { idempotency_key: null }]);
  });

  it('recognises a replay by the fingerprint it is given instead of the payload', async () => {
    const options = { fingerprint: { email: 'ada@example.com' } };
    const first = buildCommand(
      'auth.register',
      { id: 'generated-1' },
      { actor: ada, idempotencyKey: 'k-print' },
    );
    const again = buildCommand(
      'auth.register',
      { id: 'generated-2' },
      { actor: ada, idempotencyKey: 'k-print' },
    );
    await store.accept(t.db, first, options);
    await expect(store.accept(t.db, again, options)).resolves.toEqual({
      commandId: first.meta.commandId,
      replayed: true,
      payload: { id: 'generated-1' },
    });
    const other = buildCommand(
      'auth.register',
      { id: 'generated-3' },
      { actor: ada, idempotencyKey: 'k-print' },
    );
    await expect(
      store.accept(t.db, other, { fingerprint: { email: 'eve@example.com' } }),
    ).rejects.toMatchObject({
      code: 'commands.idempotency_key_reused',
    });
  });

  it('writes one row when concurrent accepts race with the same key, and all get its id', async () => {
    const commands = Array.from({ length: 8 }, () =>
      buildCommand('users.rename-user', { name: 'Race' }, { actor: ada, idempotencyKey: 'k-race' }),
    );
    const answers = await Promise.all(commands.map((command) => store.accept(t.db, command)));
    const ids = new Set(answers.map((answer) => answer.commandId));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    const rows = await t.db
      .selectFrom('platform.commands')
      .select('id')
      .where('idempotency_key', '=', 'k-race')
      .execute();
    expect(rows.map((row) => row.id)).toEqual([...ids]);
    const messages = await t.db
      .selectFrom('platform.outbox')
      .select('message_id')
      .where(
        'message_id',
        'in',
        commands.map((command) => command.meta.commandId),
      )
      .execute();
    expect(messages.map((message) => message.message_id)).toEqual([...ids]);
  });

  it('joins a transaction it is given, so a rollback discards the command', async () => {
    const command = buildCommand('users.rename-user', { name: 'Rolled back' });
    const rollback = new Error('rollback');
    await expect(
      t.db.transaction().execute(async (trx) => {
        await store.accept(trx, command);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await commandRow(command.meta.commandId)).toBeUndefined();
    expect(await outboxRows(command.meta.commandId)).toEqual([]);
  });

  describe('send: the commands sent in one turn share one statement', () => {
    it('writes every command of the turn, rows and outbox messages, with one statement', async () => {
      const { counter, store: grouped } = counting(t.db);
      const commands = Array.from({ length: 12 }, (_, n) =>
        buildCommand('users.rename-user', { name: `Group ${n}` }, { actor: ada }),
      );
      const answers = await Promise.all(
        commands.map((command, n) => grouped.send(command, { traceparent: trace(n) })),
      );
      expect(counter.statements).toBe(1);
      expect(answers).toEqual(
        commands.map((command) => ({
          commandId: command.meta.commandId,
          replayed: false,
          payload: command.payload,
        })),
      );
      for (const [n, command] of commands.entries()) {
        expect(await commandRow(command.meta.commandId)).toMatchObject({
          payload: { name: `Group ${n}` },
          status: 'pending',
          caller: 'user:u-ada',
          traceparent: trace(n),
          created_at: new Date('2026-03-01T12:00:00.000Z'),
        });
        const [message] = await outboxRows(command.meta.commandId);
        expect(message).toMatchObject({
          body: JSON.parse(JSON.stringify(command)) as unknown,
          headers: { traceparent: trace(n) },
        });
      }
      // A command sent alone takes the single statement, as before.
      await grouped.send(buildCommand('users.rename-user', { name: 'Alone' }));
      expect(counter.statements).toBe(2);
    });

    it('answers each command of a turn as it would be answered alone', async () => {
      const keyed = (name: string, idempotencyKey: string) =>
        buildCommand('users.rename-user', { name }, { actor: ada, idempotencyKey });
      const used = keyed('Kept', 'k-g-used');
      await store.accept(t.db, used);
      await store.accept(t.db, keyed('A', 'k-g-taken'));
      const fresh = buildCommand('users.rename-user', { name: 'Fresh' }, { actor: ada });
      const replay = keyed('Kept', 'k-g-used');
      const reused = keyed('B', 'k-g-taken');
      const twins = [keyed('Twin', 'k-g-twin'), keyed('Twin', 'k-g-twin')];
      const unstorable = buildCommand('users.rename-user', { name: 'nul\u0000' }, { actor: ada });
      const settled = await Promise.allSettled(
        [fresh, replay, reused, ...twins, unstorable].map((command) => store.send(command)),
      );
      const [freshAnswer, replayAnswer, reusedAnswer, twinA, twinB, unstorableAnswer] = settled;
      expect(freshAnswer).toEqual({
        status: 'fulfilled',
        value: { commandId: fresh.meta.commandId, replayed: false, payload: { name: 'Fresh' } },
      });
      expect(replayAnswer).toEqual({
        status: 'fulfilled',
        value: { commandId: used.meta.commandId, replayed: true, payload: { name: 'Kept' } },
      });
      expect(reusedAnswer).toMatchObject({
        status: 'rejected',
        reason: { kind: 'invalid', code: 'commands.idempotency_key_reused' },
      });
      // Two of the turn with one new key: one row, both answered with its id, one of them as a replay.
      expect([twinA?.status, twinB?.status]).toEqual(['fulfilled', 'fulfilled']);
      const twinAnswers = [twinA, twinB].flatMap((answer) =>
        answer?.status === 'fulfilled' ? [answer.value] : [],
      );
      expect(new Set(twinAnswers.map((answer) => answer.commandId)).size).toBe(1);
      expect(twinAnswers.filter((answer) => answer.replayed)).toHaveLength(1);
      expect(unstorableAnswer).toMatchObject({
        status: 'rejected',
        reason: { kind: 'invalid', code: 'commands.unstorable_text' },
      });
      for (const command of [replay, reused, unstorable]) {
        expect(await commandRow(command.meta.commandId)).toBeUndefined();
        expect(await outboxRows(command.meta.commandId)).toEqual([]);
      }
      expect(await outboxRows(fresh.meta.commandId)).toHaveLength(1);
    });

    it('is answered under fake timers too (a test that fakes setImmediate)', async () => {
      vi.useFakeTimers();
      try {
        const command = buildCommand('users.rename-user', { name: 'Faked' });
        await expect(store.send(command)).resolves.toMatchObject({ commandId: command.meta.commandId });
      } finally {
        vi.useRealTimers();
      }
    });

    it('accepts each alone when the shared statement fails: only the failing command is refused', async () => {
      const { counter, store: grouped } = counting(t.db);
      const commands = Array.from({ length: 4 }, (_, n) =>
        buildCommand('users.rename-user', { name: `F${n}` }),
      );
      const failing = commands[2]!;
      // Its outbox message exists already: the shared statement fails on it, and so does its own.
      await t.db
        .insertInto('platform.outbox')
        .values({
          message_id: failing.meta.commandId,
          kind: 'command',
          routing_key: 'x',
          body: '{}',
          headers: '{}',
        })
        .execute();
      const settled = await Promise.allSettled(commands.map((command) => grouped.send(command)));
      expect(settled.map((answer) => answer.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(settled[2]).toMatchObject({ reason: { code: '23505' } });
      // Only statements that succeed are counted: the three commands written alone, one statement each.
      expect(counter.statements).toBe(commands.length - 1);
      const rows = await Promise.all(commands.map((command) => commandRow(command.meta.commandId)));
      expect(rows.map((row) => row?.status)).toEqual(['pending', 'pending', undefined, 'pending']);
    });
  });
});
