import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServices, startFaultServices } from './support/fault-services.js';
import { Scenario } from './support/fault-scenario.js';
import { waitForEffects } from './support/scenario-queries.js';

// Broker outages under load: the broker killed, or its application stopped. One private PostgreSQL and
// RabbitMQ for the file; each scenario has its own database and broker namespace.
let services: FaultServices;
const scenarios: Scenario[] = [];
const open = async (name: string) => {
  const scenario = await Scenario.open(name, services.pg, services.rabbit);
  scenarios.push(scenario);
  return scenario;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  services = await startFaultServices();
});

afterEach(async () => {
  await Promise.allSettled(scenarios.splice(0).map((scenario) => scenario.close()));
});

afterAll(async () => {
  await services?.destroy();
});

describe('broker outages', () => {
  it('resumes consuming and publishing without a restart after the broker application stops and starts', async () => {
    const scenario = await open('broker-stop-app');
    const workers = await Promise.all([scenario.spawnWorker('w1'), scenario.spawnWorker('w2')]);
    const burst = scenario.burst(500, { sleepMs: 5 });
    await waitForEffects(scenario, 100);
    await services.rabbit.stopApp();
    await pause(3_000);
    await services.rabbit.startApp();
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
    await services.rabbit.kill();
    await pause(3_000);
    await services.rabbit.start();
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
