import { Clock, IdGenerator, MessageScheduler, type ProcessManager } from '@contextflow/core';
import type { ContextModule, Logger, Metrics, ProcessRegistration } from '@contextflow/core-infra';
import type { PlatformTables } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { CommandLedger } from '../commands/command-ledger.js';
import { Inbox } from '../commands/inbox.js';
import { PgCommandStore } from '../commands/pg-command-store.js';
import { CommandDispatcher } from '../messaging/command-dispatcher.js';
import { DatabaseGate } from '../messaging/database-gate.js';
import { DeadLetterReconciler } from '../messaging/dead-letter-reconciler.js';
import { EventDispatcher, type EventReaction } from '../messaging/event-dispatcher.js';
import { FailureLog } from '../messaging/failure-log.js';
import { FailureRecorder } from '../messaging/failure-recorder.js';
import type { DeliveryHandler, MessageTransport, Subscription } from '../messaging/message-transport.js';
import { RetryScheduler } from '../messaging/retry-scheduler.js';
import type { Topology, WorkQueue } from '../messaging/topology.js';
import { runProcess } from '../processes/process-runner.js';

/** What {@link startConsumers} needs. */
export interface ConsumersSetup {
  readonly container: DependencyContainer;
  readonly db: Kysely<PlatformTables>;
  readonly transport: MessageTransport;
  readonly topology: Topology;
  readonly modules: readonly ContextModule[];
  readonly logger: Logger;
  readonly metrics?: Metrics | undefined;
  readonly concurrency: number;
  readonly prefetch: number;
}

/**
 * Starts one consumer per command queue (of modules with queued commands), per event subscription and per
 * process, and the dead-letter reconciler and the failure recorder (on every worker, whatever its contexts: they
 * fail any context's dead commands and record any queue's dead letters).
 */
export function startConsumers(setup: ConsumersSetup): Subscription[] {
  const { container, db, transport, topology, logger, metrics, concurrency, prefetch } = setup;
  const retries = new RetryScheduler(transport, topology.retry, metrics);
  const ledger = container.resolve(CommandLedger);
  const inbox = container.resolve(Inbox);
  // One gate per worker: while PostgreSQL is down every handler waits on the same probe loop.
  const gate = new DatabaseGate({ db, logger });
  const consume = (queue: WorkQueue, handle: DeliveryHandler): Subscription =>
    transport.consume(
      { queue: queue.declaration, concurrency, prefetch },
      metrics === undefined ? handle : measured(queue.declaration.queue, handle, metrics),
    );
  const reconciler = new DeadLetterReconciler({ db, ledger, logger, gate });
  const failures = new FailureLog(db);
  const recorder = new FailureRecorder({ failures, logger, gate });
  const subscriptions: Subscription[] = [
    transport.consume({ queue: topology.deadCommands, concurrency, prefetch }, (message) =>
      reconciler.handle(message),
    ),
    transport.consume({ queue: topology.failures, concurrency, prefetch }, (message) =>
      recorder.handle(message),
    ),
  ];
  for (const module of setup.modules) {
    const commandQueue = topology.commandQueues.get(module.name);
    if (commandQueue !== undefined) {
      const dispatcher = new CommandDispatcher(module, commandQueue, {
        container,
        db,
        ledger,
        retries,
        logger,
        metrics,
        gate,
        failures,
      });
      subscriptions.push(consume(commandQueue, (message) => dispatcher.handle(message)));
    }
    for (const subscription of module.events) {
      const eventQueue = topology.eventQueues.get(subscription.name);
      if (eventQueue === undefined) continue;
      const dispatcher = new EventDispatcher(subscription, eventQueue, {
        container,
        db,
        inbox,
        retries,
        logger,
        gate,
        failures,
      });
      subscriptions.push(consume(eventQueue, (message) => dispatcher.handle(message)));
    }
    for (const process of module.processes ?? []) {
      const eventQueue = topology.eventQueues.get(process.name);
      if (eventQueue === undefined) continue;
      const options = { container, db, inbox, retries, logger, gate, failures };
      const dispatcher = new EventDispatcher(
        process,
        eventQueue,
        options,
        processReaction(process, container),
      );
      subscriptions.push(consume(eventQueue, (message) => dispatcher.handle(message)));
    }
  }
  return subscriptions;
}

/** Runs a process's manager on each event, with the unit of work's scheduler and the command store. */
function processReaction(process: ProcessRegistration, container: DependencyContainer): EventReaction {
  const store = container.resolve(PgCommandStore);
  const clock = container.resolve<Clock>(Clock);
  const ids = container.resolve<IdGenerator>(IdGenerator);
  return (scope, trx, event) =>
    runProcess(process, event, {
      trx,
      manager: scope.resolve<ProcessManager>(process.manager),
      scheduler: scope.resolve(MessageScheduler),
      store,
      clock,
      ids,
    });
}

/** Counts the handlers in flight and how their deliveries were settled (`error`: thrown, so requeued). */
function measured(queue: string, handle: DeliveryHandler, metrics: Metrics): DeliveryHandler {
  return async (message) => {
    metrics.handlersInFlight.inc({ queue });
    let settlement = 'error';
    try {
      const settled = await handle(message);
      settlement = settled;
      return settled;
    } finally {
      metrics.handlersInFlight.dec({ queue });
      metrics.messagesHandled.inc({ queue, settlement });
    }
  };
}
