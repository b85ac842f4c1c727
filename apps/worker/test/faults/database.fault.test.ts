import { connectBroker } from './support/broker-client.js';
import { describe, expect, it } from 'vitest';
import { unknownThatLanded, waitForEffects } from './support/scenario-queries.js';
import { useFaultServices } from './support/use-fault-services.js';

// PostgreSQL stopped under load: the workers pause instead of burning their retry attempts.
const file = useFaultServices();
const open = (name: string) => file.open(name);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('database outage', () => {
  it('dead-letters nothing while PostgreSQL is stopped for 30 s under load, and completes everything after', async () => {
    const scenario = await open('database-stopped');
    // A backlog first, so the outage meets handlers in flight and messages waiting in the queue.
    await scenario.burst(400, { sleepMs: 20 });
    await Promise.all([scenario.spawnWorker('w1'), scenario.spawnWorker('w2')]);
    const broker = await connectBroker(file.services.rabbit.url, scenario.namespace);
    try {
      await waitForEffects(scenario, 50);
      // Clients keep submitting through the outage: refused or unknown, never lost once accepted.
      const burst = scenario.burst(200, { sleepMs: 20 }, 5);
      await file.services.pg.stop();
      await pause(30_000);
      await file.services.pg.start();
      const restartedAt = Date.now();
      await burst;
      await scenario.settle();
      const report = await scenario.report({ recoveryMs: Date.now() - restartedAt });
      expect(report).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, failed: 0, retried: 0 });
      expect(report.paused).toBeGreaterThan(0);
      // Unknown submissions the outage cut off before the commit never reached the database; the others did.
      expect(report.succeeded).toBe(report.accepted + (await unknownThatLanded(scenario)));
      expect(await broker.deadLetters()).toBe(0);
    } finally {
      await broker.close();
    }
  });
});
