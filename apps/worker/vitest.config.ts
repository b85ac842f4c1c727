import { defineConfig, mergeConfig } from 'vitest/config';
// @boundaries-ignore the one shared test configuration lives at the repository root
import shared from '../../vitest.shared.ts';

/**
 * The shared configuration; in faults mode two files run at once. Each file owns its private PostgreSQL and
 * RabbitMQ (their own ports and data directories), so files cannot disturb each other's faults, and much of
 * a scenario is waiting (an outage, a heartbeat, a restart): two at a time fill the idle time on two cores.
 */
export default defineConfig(async (env) => {
  const base = await shared(env);
  if (env.mode !== 'faults') return base;
  return mergeConfig(base, { test: { fileParallelism: true, maxWorkers: 2 } });
});
