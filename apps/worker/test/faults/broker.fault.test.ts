import { describe, expect, it } from 'vitest';
import { waitForEffects } from './support/scenario-queries.js';
import { useFaultServices } from './support/use-fault-services.js';

// Broker outages under load: the broker killed, or its application stopped. One private PostgreSQL and
// RabbitMQ for the file; each scenario has its own database and broker namespace.
const file = useFaultServices();
const open = (name: string) => file.open(name);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('broker outages', () => {
  it('resumes consuming and publishing without a restart after the broker application stops and starts', async () => {
    const scenario = await open('broker-stop-app');
    const workers = await Promise.all([scenario.spawnWorker('w1'), scenario.spawnWorker('w2')]);
    const burst = scenario.burst(500, { sleepMs: 5 });
    await waitForEffects(scenario, 100);
    await file.services.rabbit.stopApp();
    await pause(3_000);
    await file.services.rabbit.startApp();
    const resumedAt = Date.now();
    await burst;
    await scenario.settle();
    const report = await scenario.report({ recoveryMs: Date.now() - resumedAt });
    expect(report).toMatchObject({ accepted: 500, lost: 0, duplicated: 0, unexpected: 0, succeeded: 500 });
    expect(workers.map((worker) => worker.child.exitCode)).toEqual([null, null]);
  });

  it('loses and duplicates nothing when the broker is killed in the middle of a 1,000-command burst', async () => {
    const scenario = await open('broker-killed');
    await Promise.all([scenario.spawnWorker('w1'), scenario.spawnWorker('w2')]);
    const burst = scenario.burst(1_000);
    await waitForEffects(scenario, 200);
    await file.services.rabbit.kill();
    await pause(3_000);
    await file.services.rabbit.start();
    const restartedAt = Date.now();
    await burst;
    await scenario.settle();
    const report = await scenario.report({ recoveryMs: Date.now() - restartedAt });
    expect(report).toMatchObject({
      accepted: 1_000,
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      succeeded: 1_000,
    });
  });
});
