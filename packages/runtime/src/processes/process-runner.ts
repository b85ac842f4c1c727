import {
  AppError,
  type Clock,
  type DomainEvent,
  type IdGenerator,
  type MessageScheduler,
  type ProcessManager,
  type ProcessTimeoutPayload,
} from '@contextflow/core';
import type { ProcessRegistration } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { PgCommandStore } from '../commands/pg-command-store.js';
import { ProcessInstance } from './process-instance.js';

/** The key a process instance's timeout is scheduled under: `<process>:<correlation id>:<timeout>`. */
export const timeoutKey = (process: string, correlationId: string, timeout: string): string =>
  `${process}:${correlationId}:${timeout}`;

/** The wire type of a process's timeout event: `<process>.<timeout>` (version 1). */
export const timeoutType = (process: string, timeout: string): string => `${process}.${timeout}`;

/** What a {@link runProcess} call writes with, all bound to the unit of work's transaction. */
export interface ProcessUnit {
  readonly trx: Kysely<PlatformTables>;
  readonly manager: ProcessManager;
  readonly scheduler: MessageScheduler;
  readonly store: PgCommandStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Runs one message through a process, inside the unit of work that claimed it in the inbox: finds the instance
 * (a timeout carries its correlation id, an event is correlated by the process), loads its state, lets the
 * process react, then saves the state with an optimistic version check (a concurrent change throws a
 * `concurrency` AppError and the unit runs again on fresh state), accepts its commands and schedules and
 * cancels its timeouts. A message for a completed instance, or for none, does nothing. Returns whether it ran.
 */
export async function runProcess(
  registration: ProcessRegistration,
  event: DomainEvent,
  unit: ProcessUnit,
): Promise<boolean> {
  const { trx, manager } = unit;
  const timeout = registration.timeouts.find((name) => event.type === timeoutType(registration.name, name));
  const correlationId =
    timeout === undefined ? manager.correlate(event) : (event.payload as ProcessTimeoutPayload).correlationId;
  if (correlationId === undefined) return false;
  const row = await trx
    .selectFrom('platform.processes')
    .select(['status', 'state', 'version'])
    .where('process', '=', registration.name)
    .where('correlation_id', '=', correlationId)
    .executeTakeFirst();
  if (row?.status === 'completed') return false;
  const instance = new ProcessInstance<unknown>(correlationId, row?.state);
  await manager.react(event, instance);
  if (instance.changed) await save(registration.name, instance, row?.version, unit);
  for (const command of instance.commands) await unit.store.accept(trx, command);
  const timeouts = instance.isCompleted
    ? registration.timeouts.map((name) => [name, 'cancel'] as const)
    : [...instance.timeouts.entries()];
  for (const [name, request] of timeouts) {
    const key = timeoutKey(registration.name, correlationId, name);
    if (request === 'cancel') await unit.scheduler.cancel(key);
    else
      await unit.scheduler.scheduleEvent(
        key,
        request.when,
        timeoutEvent(registration, instance, request, unit),
      );
  }
  return true;
}

async function save(
  process: string,
  instance: ProcessInstance<unknown>,
  version: number | undefined,
  { trx, clock }: ProcessUnit,
): Promise<void> {
  const status = instance.isCompleted ? ('completed' as const) : ('running' as const);
  const state = JSON.stringify(instance.state ?? null);
  const now = clock.now();
  const written =
    version === undefined
      ? await trx
          .insertInto('platform.processes')
          .values({
            process,
            correlation_id: instance.correlationId,
            status,
            state,
            version: 1,
            started_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['process', 'correlation_id']).doNothing())
          .returning('version')
          .executeTakeFirst()
      : await trx
          .updateTable('platform.processes')
          .set({ status, state, version: version + 1, updated_at: now })
          .where('process', '=', process)
          .where('correlation_id', '=', instance.correlationId)
          .where('version', '=', version)
          .returning('version')
          .executeTakeFirst();
  if (written === undefined)
    throw AppError.concurrency(
      'processes.concurrent_change',
      `Process ${process} ${instance.correlationId} changed concurrently.`,
    );
}

function timeoutEvent(
  registration: ProcessRegistration,
  instance: ProcessInstance<unknown>,
  request: { readonly name: string; readonly data: Readonly<Record<string, unknown>> },
  { clock, ids }: ProcessUnit,
): DomainEvent<string, ProcessTimeoutPayload> {
  return {
    id: ids.next(),
    type: timeoutType(registration.name, request.name),
    version: 1,
    occurredAt: clock.now().toISOString(),
    aggregateId: instance.correlationId,
    aggregateVersion: 0,
    payload: { correlationId: instance.correlationId, timeout: request.name, data: request.data },
  };
}
