import { MessageScheduler, UuidV7Generator } from '@contextflow/core';
import { buildCommand } from '@contextflow/runtime/testing';
import { sql } from 'kysely';
import type { Scenario } from './fault-scenario.js';
import { PROBE_COMMAND, PROBE_PINGED } from './probe-module.js';

// What the scheduler and process scenarios do to a scenario and read from it.

const ids = new UuidV7Generator();

/** Schedules `count` probe commands due from `from` over `spreadMs`, recorded as accepted in the ledger. */
export async function scheduleProbes(
  scenario: Scenario,
  count: number,
  from: Date,
  spreadMs: number,
): Promise<void> {
  const scheduler = scenario.client.container.resolve<MessageScheduler>(MessageScheduler);
  for (let i = 0; i < count; i += 1) {
    const command = buildCommand(PROBE_COMMAND, {});
    const due = new Date(from.getTime() + Math.floor((spreadMs * i) / count));
    await scheduler.scheduleCommand(`probe:timer-${i}`, due, command);
    scenario.ledger.record(command.meta.commandId, 'accepted');
  }
}

/** How many scheduled messages the workers' logs say they handed to the outbox, in all. */
export const handedOver = (scenario: Scenario): number =>
  scenario.workers
    .flatMap((worker) => worker.lines)
    .filter((line) => line.includes('scheduled messages handed to the outbox'))
    .reduce((sum, line) => sum + ((JSON.parse(line) as { fired?: number }).fired ?? 0), 0);

export const pendingTimers = async (scenario: Scenario): Promise<number> => {
  const { rows } = await sql<{ n: string }>`select count(*) as n from platform.scheduled_messages`.execute(
    scenario.db,
  );
  return Number(rows[0]?.n);
};

/** A ping for the probe's process, for a new instance. */
export const newPing = () => ({
  id: ids.next(),
  type: PROBE_PINGED,
  version: 1,
  occurredAt: new Date().toISOString(),
  aggregateId: ids.next(),
  aggregateVersion: 1,
  payload: {},
});
