import { freePorts } from '@contextflow/test-utils';
import { describe, expect, it } from 'vitest';
import { connectBroker } from './support/broker-client.js';
import { HttpSubmitter } from './support/http-submitter.js';
import { PROBE_HOLDING } from './support/probe-module.js';
import {
  effectsBy,
  unknownThatLanded,
  unsentOutboxRows,
  waitUntilNoCommandOpen,
} from './support/scenario-queries.js';
import { useFaultServices } from './support/use-fault-services.js';

// The apps' own processes: the HTTP process killed under load, and the worker's graceful shutdown. One
// private PostgreSQL and RabbitMQ for the file; each scenario has its own database and broker namespace.
const file = useFaultServices();
const open = (name: string) => file.open(name);

describe('HTTP process faults', () => {
  it('publishes and processes every 202-ed command when the HTTP process is killed four times in a burst', async () => {
    const scenario = await open('http-killed');
    await Promise.all([scenario.spawnWorker('w1'), scenario.spawnWorker('w2')]);
    const port = (await freePorts(1))[0]!;
    const baseUrl = `http://127.0.0.1:${port}`;
    const client = new HttpSubmitter(scenario.ledger);
    let http = await scenario.startHttp(port);
    const burst = { done: false };
    const lane = async () => {
      while (!burst.done) {
        const outcome = await client.submit(baseUrl);
        // While the process restarts every request is refused at once: no point hammering the port.
        if (outcome !== 'accepted') await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const lanes = Promise.all(Array.from({ length: 10 }, lane));
    const acceptedAtLeast = async (count: number) => {
      while (client.counts.accepted < count) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    let restartedAt = Date.now();
    const restartsMs: number[] = [];
    for (let kill = 1; kill <= 4; kill += 1) {
      await acceptedAtLeast(kill * 50);
      http.signal('SIGKILL');
      await http.exited;
      const killedAt = Date.now();
      http = await scenario.startHttp(port);
      restartedAt = Date.now();
      restartsMs.push(restartedAt - killedAt);
    }
    await acceptedAtLeast(250);
    burst.done = true;
    await lanes;
    await client.resolve(scenario.db);
    await scenario.settle();
    await waitUntilNoCommandOpen(scenario);
    const report = await scenario.report({
      kills: 4,
      requests: client.counts,
      restartsMs,
      recoveryMs: Date.now() - restartedAt,
    });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, failed: 0 });
    expect(report.accepted).toBeGreaterThanOrEqual(250);
    // Every command the HTTP processes committed, answered or not, is processed: none stays pending.
    expect(report.succeeded).toBe(report.accepted + (await unknownThatLanded(scenario)));
    expect(client.counts.refused).toBeGreaterThan(0);
  });
});

describe('worker graceful shutdown', () => {
  it('finishes the message in flight after SIGTERM, takes no new one, flushes the relay and exits 0', async () => {
    const scenario = await open('worker-sigterm');
    const worker = await scenario.spawnWorker('w1', { env: { SHUTDOWN_TIMEOUT_MS: '20000' } });
    const slow = await scenario.submit({ sleepMs: 3_000 });
    await worker.waitForLine((line) => line.includes(PROBE_HOLDING) && line.includes(slow));
    worker.signal('SIGTERM');
    await worker.waitForLine((line) => line.includes('shutting down'));
    // Accepted while the worker drains: its relay publishes them, its consumers no longer take them.
    await scenario.burst(20);
    expect(await worker.exited).toBe(0);
    const broker = await connectBroker(file.services.rabbit.url, scenario.namespace);
    try {
      const queue = broker.topology.commandQueues.get('probe')!.declaration.queue;
      expect(await broker.transport.messageCount(queue)).toBe(20);
    } finally {
      await broker.close();
    }
    expect(await unsentOutboxRows(scenario)).toBe(0);
    expect(await effectsBy(scenario)).toEqual({ w1: 1 });
    const restartedAt = Date.now();
    await scenario.spawnWorker('w2');
    await scenario.settle();
    const report = await scenario.report({ recoveryMs: Date.now() - restartedAt });
    expect(report).toMatchObject({ accepted: 21, lost: 0, duplicated: 0, unexpected: 0, succeeded: 21 });
    expect(await effectsBy(scenario)).toEqual({ w1: 1, w2: 20 });
  });

  it('exits 0 past the deadline when a handler overruns it, and the message is redelivered, not lost', async () => {
    const scenario = await open('worker-deadline');
    const worker = await scenario.spawnWorker('w1', { env: { SHUTDOWN_TIMEOUT_MS: '1000' } });
    const stuck = await scenario.submit({ sleepMs: 120_000, sleepOn: 'w1' });
    await worker.waitForLine((line) => line.includes(PROBE_HOLDING) && line.includes(stuck));
    worker.signal('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.lines.some((line) => line.includes('did not finish before the deadline'))).toBe(true);
    // The overrun handler's transaction died with the process: no effect, the command still open.
    expect(await effectsBy(scenario)).toEqual({});
    const restartedAt = Date.now();
    await scenario.spawnWorker('w2');
    await scenario.settle();
    const report = await scenario.report({ recoveryMs: Date.now() - restartedAt });
    expect(report).toMatchObject({ accepted: 1, lost: 0, duplicated: 0, unexpected: 0, succeeded: 1 });
    expect(await effectsBy(scenario)).toEqual({ w2: 1 });
  });
});
