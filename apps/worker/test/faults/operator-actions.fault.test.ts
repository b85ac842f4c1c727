import { CommandBus } from '@contextflow/core';
import { type CommandProgress, CommandStatusReader, FailureActionTypes } from '@contextflow/core-infra';
import { buildCommand } from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectBroker } from './support/broker-client.js';
import type { Scenario } from './support/fault-scenario.js';
import { useFaultServices } from './support/use-fault-services.js';

// An operator action is a queued command run by a worker: killed mid-way, it is delivered again to the next
// worker, which retries only what is still dead. One private PostgreSQL and RabbitMQ for the file.
const file = useFaultServices();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failures recorded for `ids`, by status, with the most deaths any of them had. */
async function failuresOf(scenario: Scenario, ids: readonly string[]) {
  const { rows } = await sql<{ status: string; fingerprint: string; n: string; deaths: number }>`
    select status, fingerprint, count(*) as n, max(deaths) as deaths from platform.failures
    where message_id = any(${[...ids]}::text[]) group by status, fingerprint`.execute(scenario.db);
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/** Polls `read` until `done` holds for what it returns, or fails after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`still ${JSON.stringify(value)}`);
    await pause(50);
  }
}

describe('operator action faults', () => {
  it('retries every failure of a group exactly once when the worker running the retry is killed mid-way', async () => {
    const scenario = await file.open('retry-killed');
    const broker = await connectBroker(file.services.rabbit.url, scenario.namespace);
    try {
      // 40 commands that fail on w1 only: out of attempts there, dead-lettered and recorded as one group.
      const failing = await scenario.spawnWorker('w1');
      const ids: string[] = [];
      for (let i = 0; i < 40; i += 1) ids.push(await scenario.submit({ failOn: 'w1' }));
      const dead = await until(
        () => failuresOf(scenario, ids),
        (rows) => rows.length === 1 && rows[0]?.status === 'dead' && rows[0].n === 40,
      );
      await until(
        () => broker.deadLetters(),
        (count) => count === 40,
      );
      failing.signal('SIGTERM');
      await failing.exited;

      const runner = await scenario.spawnWorker('w2');
      const action = buildCommand(FailureActionTypes.retry, {
        filter: { fingerprint: dead[0]!.fingerprint },
        ratePerSecond: 10,
      });
      await scenario.client.container.resolve<CommandBus>(CommandBus).send(action);
      const statuses = scenario.client.container.resolve<CommandStatusReader>(CommandStatusReader);
      const progress = async () => (await statuses.find(action.meta.commandId))?.progress;
      // Its progress shows while it runs; the worker is killed about a third of the way through.
      const seen = await until(progress, (value) => (value?.done ?? 0) >= 12);
      runner.signal('SIGKILL');
      await runner.exited;
      const killedAt = Date.now();
      const retriedAtKill = (await failuresOf(scenario, ids)).find((row) => row.status === 'retried')?.n;
      const progressAtKill = await progress();

      await scenario.spawnWorker('w3');
      const outcome = await statuses.waitUntilDone(action.meta.commandId, 60_000);
      await scenario.settle();
      const staleDeadLetters = await broker.deadLetters();
      const report = await scenario.report({
        seen,
        retriedAtKill,
        progressAtKill,
        outcome: { status: outcome?.status, result: outcome?.result, progress: outcome?.progress },
        staleDeadLetters,
        recoveryMs: Date.now() - killedAt,
      });

      expect(seen).toMatchObject<Partial<CommandProgress>>({ total: 40, failed: 0 });
      expect(retriedAtKill).toBeLessThan(40);
      // Each command ran once (its effect is committed only when it succeeds: w1's runs left none).
      expect(report).toMatchObject({ accepted: 40, lost: 0, duplicated: 0, unexpected: 0, failed: 0 });
      expect(await failuresOf(scenario, ids)).toEqual([
        { status: 'retried', fingerprint: dead[0]!.fingerprint, n: 40, deaths: 1 },
      ]);
      // The run after the restart counts what it retried on top of the progress the killed run last wrote
      // (at most four writes a second): retries the killed run made after that write are in no count, so
      // `done` can be short of 40 by those (as it can in the progress).
      const done = progressAtKill!.done + (40 - retriedAtKill!);
      expect(outcome).toMatchObject({
        status: 'succeeded',
        result: { done, missing: 0, failed: 0 },
        progress: { done, total: done, failed: 0 },
      });
      // A dead letter is acked only after its failure is marked retried, one at a time: a kill between the
      // two leaves that one copy in the dead-letter queue (its command already ran; a redrive of it is skipped).
      expect(staleDeadLetters).toBeLessThanOrEqual(1);
    } finally {
      await broker.close();
    }
  });
});
