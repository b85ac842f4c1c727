import { afterAll, afterEach, beforeAll } from 'vitest';
import { type FaultServices, type FaultServicesOptions, startFaultServices } from './fault-services.js';
import { Scenario } from './fault-scenario.js';

/** What a fault-test file works with: its private services, and scenarios opened on them. */
export interface FaultFile {
  /** The file's private PostgreSQL and RabbitMQ (set once `beforeAll` ran). */
  readonly services: FaultServices;
  /** Opens a scenario (its own database and broker namespace), closed after the test that opened it. */
  open(name: string): Promise<Scenario>;
}

/**
 * Registers a fault-test file's hooks: one private PostgreSQL and RabbitMQ for the whole file, and every
 * scenario closed after its test (the private server allows 50 connections: a scenario's workers go before the
 * next one starts). Call it once, at the top of the file.
 */
export function useFaultServices(options: FaultServicesOptions = {}): FaultFile {
  let services: FaultServices | undefined;
  const scenarios: Scenario[] = [];
  beforeAll(async () => {
    services = await startFaultServices(options);
  });
  afterEach(async () => {
    await Promise.allSettled(scenarios.splice(0).map((scenario) => scenario.close()));
  });
  afterAll(async () => {
    await services?.destroy();
  });
  const started = (): FaultServices => {
    if (services === undefined) throw new Error('useFaultServices: the services start in beforeAll');
    return services;
  };
  return {
    get services() {
      return started();
    },
    async open(name) {
      const scenario = await Scenario.open(name, started().pg, (rotation) => started().amqpUrl(rotation));
      scenarios.push(scenario);
      return scenario;
    },
  };
}
