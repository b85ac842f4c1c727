import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectBroker } from './support/broker-client.js';
import { PROBE_HOLDING, PROBE_PINGED, PROBE_PROCESS } from './support/probe-module.js';
import { handedOver, newPing, pendingTimers, scheduleProbes } from './support/scheduled-probes.js';
import { waitForEffects } from './support/scenario-queries.js';
import { FAULT_RETRY_POLICY } from './support/retry.js';
import { useFaultServices } from './support/use-fault-services.js';

// Faults of the workers themselves (crash, freeze, duplicate deliveries, a poison handler; killed or
// competing when timers fall due, events delivered again to a process) on one private PostgreSQL and
// RabbitMQ; each scenario has its own database and broker namespace.
const file = useFaultServices();
const open = (name: string) => file.open(name);

describe('worker faults', () => {
  it('applies a message published 20 times at once to 4 workers exactly once', async () => {
    const scenario = await open('duplicate-publish');
    await Promise.all(['w1', 'w2', 'w3', 'w4'].map((name) => scenario.spawnWorker(name)));
    const broker = await connectBroker(file.services.rabbit.url, scenario.namespace);
    try {
      await scenario.burst(50, { sleepMs: 20 });
      const { rows } = await sql<{ message_id: string; routing_key: string; body: unknown }>`
        select message_id, routing_key, body from platform.outbox where kind = 'command'`.execute(
        scenario.db,
      );
      const copies = rows.flatMap((row) =>
        Array.from({ length: 19 }, () =>
          broker.transport.publish({
            exchange: broker.topology.names.commandsExchange,
            routingKey: row.routing_key,
            messageId: row.message_id,
            type: row.routing_key,
            body: row.body,
          }),
        ),
      );
      await Promise.all(copies);
      const recovery = await scenario.settle();
      const report = await scenario.report({ copiesPerCommand: 20, settledMs: recovery });
      expect(report).toMatchObject({ accepted: 50, lost: 0, duplicated: 0, unexpected: 0, succeeded: 50 });
    } finally {
      await broker.close();
    }
  });

  it('fails a command whose handler always throws after exactly the documented attempts, while others pass', async () => {
    const scenario = await open('poison-handler');
    await scenario.spawnWorker('w1');
    const broker = await connectBroker(file.services.rabbit.url, scenario.namespace);
    try {
      const poison = await scenario.submit({ poison: true });
      await scenario.burst(50, { sleepMs: 5 });
      await scenario.settle();
      const report = await scenario.report();
      const logOf = (text: string) =>
        scenario.workers[0]!.lines.filter((line) => line.includes(poison) && line.includes(text)).length;
      const { rows } = await sql<{ status: string; error: { type: string } }>`
        select status, error from platform.commands where id = ${poison}`.execute(scenario.db);
      expect(report).toMatchObject({
        accepted: 51,
        lost: 0,
        duplicated: 0,
        unexpected: 0,
        succeeded: 50,
        failed: 1,
      });
      expect(rows[0]?.status).toBe('failed');
      expect(rows[0]?.error.type).toMatch(/processing-failed$/);
      expect(logOf('retry scheduled') + logOf('dead-lettered')).toBe(FAULT_RETRY_POLICY.maxAttempts);
      expect(await broker.deadLetters()).toBe(1);
    } finally {
      await broker.close();
    }
  });

  it('loses and duplicates nothing when a worker is killed mid-batch and another takes over', async () => {
    const scenario = await open('worker-killed');
    const first = await scenario.spawnWorker('w1');
    await scenario.burst(300, { sleepMs: 100 });
    await waitForEffects(scenario, 60);
    first.signal('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    await scenario.spawnWorker('w2');
    await scenario.settle();
    const report = await scenario.report({ recoveryMs: Date.now() - killedAt });
    expect(report).toMatchObject({ accepted: 300, lost: 0, duplicated: 0, unexpected: 0, succeeded: 300 });
  });
  it('keeps a zombie worker (frozen past its heartbeat while another completed its command) from applying it twice', async () => {
    const scenario = await open('zombie-worker');
    // A frozen worker's transaction is ended by PostgreSQL, its channel by the broker: the command goes back
    // to the queue and its row lock is released, so another worker can complete it while the zombie sleeps.
    await scenario.setDatabaseParameter('idle_in_transaction_session_timeout', '3s');
    const zombie = await scenario.spawnWorker('w1', { heartbeatSeconds: 1, concurrency: 1 });
    const frozen = await scenario.submit({ sleepMs: 2_000, sleepOn: 'w1' });
    await zombie.waitForLine((line) => line.includes(PROBE_HOLDING) && line.includes(frozen));
    zombie.signal('SIGSTOP');
    const frozenAt = Date.now();
    const rescuer = await scenario.spawnWorker('w2', { heartbeatSeconds: 1 });
    await scenario.burst(50);
    await scenario.settle();
    const takeoverMs = Date.now() - frozenAt;
    const resumedFrom = zombie.lines.length;
    zombie.signal('SIGCONT');
    const resumedAt = Date.now();
    // The zombie's late commit fails (its session is gone); whatever it does next must not run the handler.
    const late = await zombie.waitForLine(
      (line) => line.includes(frozen) && zombie.lines.indexOf(line) >= resumedFrom,
      60_000,
    );
    await zombie.waitForLine(
      (line) => line.includes('amqp connected') && zombie.lines.indexOf(line) >= resumedFrom,
    );
    await scenario.burst(50);
    await scenario.settle();
    const report = await scenario.report({
      takeoverMs,
      recoveryMs: Date.now() - resumedAt,
      zombieSaw: JSON.parse(late).msg,
    });
    const { rows } = await sql<{ worker: string }>`
      select worker from probe.effects where command_id = ${frozen}`.execute(scenario.db);
    expect(rows).toEqual([{ worker: 'w2' }]);
    expect(report).toMatchObject({ accepted: 101, lost: 0, duplicated: 0, unexpected: 0, succeeded: 101 });
    expect(rescuer.child.exitCode).toBeNull();
    expect(zombie.child.exitCode).toBeNull();
  });
});

describe('scheduler and process faults', () => {
  it('fires each timer exactly once when the worker is killed while they fall due', async () => {
    const scenario = await open('scheduler-killed');
    await scheduleProbes(scenario, 300, new Date(Date.now() + 4_000), 3_000);
    const first = await scenario.spawnWorker('w1');
    await waitForEffects(scenario, 40);
    first.signal('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    await scenario.spawnWorker('w2');
    await scenario.settle();
    const report = await scenario.report({ recoveryMs: Date.now() - killedAt });
    expect(report).toMatchObject({ accepted: 300, lost: 0, duplicated: 0, unexpected: 0, succeeded: 300 });
    expect(await pendingTimers(scenario)).toBe(0);
  });

  it('fires each of 400 timers due at once exactly once with three workers competing', async () => {
    const scenario = await open('scheduler-competing');
    await Promise.all(['w1', 'w2', 'w3'].map((name) => scenario.spawnWorker(name)));
    await scheduleProbes(scenario, 400, new Date(Date.now() + 2_000), 0);
    await scenario.settle();
    const report = await scenario.report({ handedOver: handedOver(scenario) });
    expect(report).toMatchObject({ accepted: 400, lost: 0, duplicated: 0, unexpected: 0, succeeded: 400 });
    expect(handedOver(scenario)).toBe(400);
    expect(await pendingTimers(scenario)).toBe(0);
  });

  it('has one effect per event when each event reaches a process ten times, across two workers', async () => {
    const scenario = await open('process-redelivered');
    await Promise.all(['w1', 'w2'].map((name) => scenario.spawnWorker(name)));
    const broker = await connectBroker(file.services.rabbit.url, scenario.namespace);
    try {
      const pings = Array.from({ length: 30 }, newPing);
      await Promise.all(
        pings.flatMap((ping) =>
          Array.from({ length: 10 }, () =>
            broker.transport.publish({
              exchange: broker.topology.names.eventsExchange,
              routingKey: `${PROBE_PINGED}.v1`,
              messageId: ping.id,
              type: PROBE_PINGED,
              body: ping,
            }),
          ),
        ),
      );
      const queue = broker.topology.eventQueues.get(PROBE_PROCESS)!.declaration.queue;
      // Every copy taken from the queue and every command the process sent finished.
      for (;;) {
        const { rows } = await sql<{ open: string; done: string }>`
          select count(*) filter (where status not in ('succeeded', 'failed')) as open,
            count(*) filter (where status = 'succeeded') as done
          from platform.commands`.execute(scenario.db);
        if ((await broker.transport.messageCount(queue)) === 0 && Number(rows[0]?.open) === 0)
          if (Number(rows[0]?.done) >= pings.length) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // Copies still in a handler when the queue emptied are skipped by the inbox; give them time to show.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const { rows: effects } = await sql<{ n: string }>`select count(*) as n from probe.effects`.execute(
        scenario.db,
      );
      const { rows: instances } = await sql<{ version: number }>`
        select version from platform.processes where process = ${PROBE_PROCESS}`.execute(scenario.db);
      console.log(
        `[faults] process-redelivered ${JSON.stringify({ pings: 30, copies: 300, effects: effects[0]?.n })}`,
      );
      expect(Number(effects[0]?.n)).toBe(30);
      expect(instances).toHaveLength(30);
      expect(instances.every((row) => row.version === 1)).toBe(true);
    } finally {
      await broker.close();
    }
  });
});
