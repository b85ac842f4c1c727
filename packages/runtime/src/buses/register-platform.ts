// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Clock, CommandBus, IdGenerator, QueryBus, SystemClock, UuidV7Generator } from '@contextflow/core';
import { CommandStatusReader, type ContextModule } from '@contextflow/core-infra';
import {
  AfterUnitOfWork,
  Db,
  NotificationListener,
  OutboxWriter,
  type PlatformTables,
} from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer, InjectionToken } from 'tsyringe';
import { CommandLedger } from '../commands/command-ledger.js';
import { CommandNotifications } from '../commands/command-notifications.js';
import { Inbox } from '../commands/inbox.js';
import { PgCommandStatusReader } from '../commands/pg-command-status-reader.js';
import { PgCommandStore } from '../commands/pg-command-store.js';
import { PgOutboxWriter } from '../commands/pg-outbox-writer.js';
import { immediateAfterWork } from './after-work-queue.js';
import { commandHandlers, inProcessCommands, queryHandlers } from './handler-registry.js';
import { RegistryQueryBus } from './registry-query-bus.js';
import { TransactionalCommandBus } from './transactional-command-bus.js';

/** What {@link registerPlatform} wires into the app container. */
export interface PlatformRegistration {
  readonly db: Kysely<PlatformTables>;
  readonly notifications: NotificationListener;
  readonly modules: readonly ContextModule[];
}

/**
 * Registers the shared command/query machinery in the app container: `Db` (root handle), `AfterUnitOfWork`
 * (outside a unit of work: at once), the notification listener, the command store, ledger, status reader, inbox, the outbox writer (per scope, so it writes in the
 * unit of work's transaction) and both buses; `Clock` and `IdGenerator` get system defaults unless already
 * registered. Call it before the modules' `register` so a module can read these.
 */
export function registerPlatform(container: DependencyContainer, platform: PlatformRegistration): void {
  container.register(Db, { useValue: platform.db });
  container.register(NotificationListener, { useValue: platform.notifications });
  container.register(AfterUnitOfWork, { useValue: immediateAfterWork(platform.db as Kysely<unknown>) });
  if (!container.isRegistered(Clock, true)) container.register(Clock, { useValue: new SystemClock() });
  if (!container.isRegistered(IdGenerator, true))
    container.register(IdGenerator, { useValue: new UuidV7Generator() });
  // Built here, from the root, and registered as values: a singleton first resolved inside a unit of work
  // would capture that unit's transaction as its Db for good.
  const one = <T>(token: InjectionToken<T>, type: InjectionToken<T>): T => {
    const instance = container.resolve(type);
    container.register(token, { useValue: instance });
    return instance;
  };
  one(CommandNotifications, CommandNotifications);
  one(CommandLedger, CommandLedger);
  one(Inbox, Inbox);
  one(CommandStatusReader, PgCommandStatusReader);
  const store = one(PgCommandStore, PgCommandStore);
  container.register(OutboxWriter, { useClass: PgOutboxWriter });
  const commandBus = new TransactionalCommandBus(
    container,
    platform.db,
    store,
    commandHandlers(platform.modules),
    inProcessCommands(platform.modules),
  );
  container.register(CommandBus, { useValue: commandBus });
  container.register(QueryBus, {
    useValue: new RegistryQueryBus(container, queryHandlers(platform.modules)),
  });
}
