import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutboxStatus } from '../operations/outbox-status.js';
import { RetentionSweeper } from '../operations/retention-sweeper.js';
import { type OpenTestDatabase, openTestDatabase } from '../testing/open-test-database.js';
import { purgeExpired } from './retention.js';

const daysAgo = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

describe('purgeExpired and readOutboxStatus', () => {
  let t: OpenTestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  const inbox = (consumer: string, age: number) =>
    t.db
      .insertInto('platform.inbox')
      .values({ consumer, message_id: randomUUID(), handled_at: daysAgo(age) })
      .execute();
  const outbox = (label: string, age: number, sent: boolean, kind: 'command' | 'event' = 'event') =>
    t.db
      .insertInto('platform.outbox')
      .values({
        message_id: randomUUID(),
        kind,
        routing_key: label,
        body: '{}',
        headers: '{}',
        created_at: daysAgo(age),
        sent_at: sent ? daysAgo(age) : null,
      })
      .execute();
  const command = (type: string, age: number, status: 'pending' | 'processing' | 'succeeded' | 'failed') => {
    const id = randomUUID();
    return t.db
      .insertInto('platform.commands')
      .values({
        id,
        type,
        payload: '{}',
        status,
        result: null,
        error: null,
        caller: 'anonymous',
        issued_by: null,
        idempotency_key: null,
        request_hash: 'h',
        correlation_id: id,
        causation_id: id,
        traceparent: null,
        created_at: daysAgo(age),
        updated_at: daysAgo(age),
      })
      .execute();
  };
  const process = (label: string, age: number, status: 'running' | 'completed') =>
    t.db
      .insertInto('platform.processes')
      .values({
        process: 'test.process',
        correlation_id: label,
        status,
        state: '{}',
        version: 2,
        started_at: daysAgo(age + 1),
        updated_at: daysAgo(age),
      })
      .execute();
  const failure = (label: string, age: number, status: 'dead' | 'retried' | 'purged') =>
    t.db
      .insertInto('platform.failures')
      .values({
        queue: 'test.commands',
        message_id: label,
        type: 'test.command',
        headers: '{}',
        payload: '{}',
        reason: 'poison',
        problem: null,
        error_code: '',
        attempts: 1,
        trace_id: null,
        fingerprint: '0000000000000000',
        status,
        first_failed_at: daysAgo(age + 1),
        last_failed_at: daysAgo(age + 1),
        updated_at: daysAgo(age),
      })
      .execute();
  const progress = (age: number) =>
    t.db
      .insertInto('platform.command_progress')
      .values({ command_id: randomUUID(), done: 1, total: 1, failed: 0, updated_at: daysAgo(age) })
      .returning('command_id')
      .executeTakeFirstOrThrow();
  const left = async (
    table: 'inbox' | 'outbox' | 'commands' | 'processes' | 'failures' | 'command_progress',
  ) => {
    const column = {
      inbox: 'consumer',
      outbox: 'routing_key',
      commands: 'type',
      processes: 'correlation_id',
      failures: 'message_id',
      command_progress: 'command_id',
    }[table];
    const { rows } = await sql<{ label: string }>`
      select ${sql.ref(column)} as label from ${sql.table(`platform.${table}`)} order by 1`.execute(t.db);
    return rows.map((row) => row.label);
  };

  it('deletes the records past their window in batches and keeps recent, unsent and open ones', async () => {
    for (let i = 0; i < 5; i += 1) await inbox('old', 8);
    await inbox('recent', 6);
    for (let i = 0; i < 3; i += 1) await outbox('sent-old', 8, true);
    await outbox('sent-recent', 1, true);
    await outbox('unsent-old', 20, false);
    await command('terminal-old-ok', 31, 'succeeded');
    await command('terminal-old-failed', 31, 'failed');
    await command('pending-old', 31, 'pending');
    await command('processing-old', 31, 'processing');
    await command('terminal-recent', 29, 'succeeded');
    await process('completed-old', 31, 'completed');
    await process('running-old', 31, 'running');
    await process('completed-recent', 29, 'completed');
    await failure('retried-old', 31, 'retried');
    await failure('purged-old', 31, 'purged');
    await failure('dead-old', 31, 'dead');
    await failure('retried-recent', 29, 'retried');
    await progress(31);
    const recentProgress = await progress(29);

    const result = await purgeExpired(
      t.db,
      { inboxDays: 7, outboxDays: 7, commandDays: 30 },
      { batchSize: 2 },
    );

    expect(result).toEqual({ inbox: 5, outbox: 3, commands: 2, processes: 1, failures: 2, progress: 1 });
    expect(await left('inbox')).toEqual(['recent']);
    expect(await left('outbox')).toEqual(['sent-recent', 'unsent-old']);
    expect(await left('commands')).toEqual(['pending-old', 'processing-old', 'terminal-recent']);
    expect(await left('processes')).toEqual(['completed-recent', 'running-old']);
    // A dead failure stays whatever its age: its dead letter can still be retried or purged.
    expect(await left('failures')).toEqual(['dead-old', 'retried-recent']);
    expect(await left('command_progress')).toEqual([recentProgress.command_id]);
    await expect(purgeExpired(t.db, { inboxDays: 7, outboxDays: 7, commandDays: 30 })).resolves.toEqual({
      inbox: 0,
      outbox: 0,
      commands: 0,
      processes: 0,
      failures: 0,
      progress: 0,
    });
  });

  it('reports the unsent backlog in all and per kind', async () => {
    await outbox('command-unsent', 2, false, 'command');
    await t.db
      .updateTable('platform.outbox')
      .set({ publish_attempts: 3 })
      .where('routing_key', '=', 'command-unsent')
      .execute();
    const status = await readOutboxStatus(t.db);
    expect(status).toMatchObject({ pending: 2, retried: 1 });
    expect(status.byKind.event).toMatchObject({ pending: 1, retried: 0 });
    expect(status.byKind.command).toMatchObject({ pending: 1, retried: 1 });
    // unsent-old was created 20 days ago; command-unsent 2 days ago.
    expect(status.oldestAgeSeconds).toBeGreaterThan(19 * 86_400);
    expect(status.byKind.command.oldestAgeSeconds).toBeGreaterThan(86_400);
    expect(status.byKind.command.oldestAgeSeconds).toBeLessThan(19 * 86_400);
  });

  it('sweeps in the background from the start, and stops when asked', async () => {
    await inbox('swept', 30);
    await inbox('kept', 0);
    const sweeper = new RetentionSweeper({
      db: t.db,
      logger: pino({ level: 'silent' }),
      windows: { inboxDays: 7, outboxDays: 7, commandDays: 30 },
    });
    sweeper.start();
    try {
      await expect.poll(() => left('inbox')).toEqual(['kept', 'recent']);
    } finally {
      await sweeper.stop();
    }
  });
});
