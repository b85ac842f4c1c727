// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  __Agg__ReadModel,
  Create__Agg__Command,
  Create__Agg__Handler,
  Create__Agg__PayloadSchema,
  FollowUp__Agg__Process,
  Get__Agg__Handler,
  Get__Agg__Query,
} from '@__scope__/__ctx__-app';
import { __Agg__CreatedV1, __Ctx__RoutingKeys } from '@__scope__/__ctx__-app/contracts';
import { __Agg__Repository } from '@__scope__/__ctx__-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import type { DependencyContainer } from 'tsyringe';
import { RecordActivityOn__Agg__Created } from './amqp/record-activity-on-__agg__-created.js';
import { __ctx__Routes } from './http/__ctx__-routes.js';
import { Kysely__Agg__ReadModel } from './kysely/kysely-__agg__-read-model.js';
import { Kysely__Agg__Repository } from './kysely/kysely-__agg__-repository.js';
import { __ctx__Migrations } from './migrations/index.js';

/** The __ctx__ context, as the apps compose it. */
export const __ctx__Module: ContextModule = {
  name: '__ctx__',
  // Every tag the routes use, described for readers of /docs: the API lint refuses an undeclared tag.
  tags: [{ name: '__ctx__', description: 'The __ctx__ context: create a __agg__, read one.' }],
  migrations: __ctx__Migrations,
  commands: [
    {
      type: Create__Agg__Command.type,
      handler: Create__Agg__Handler,
      delivery: 'queued',
      payload: Create__Agg__PayloadSchema,
    },
  ],
  queries: [{ type: Get__Agg__Query.type, handler: Get__Agg__Handler }],
  events: [
    {
      name: RecordActivityOn__Agg__Created.consumerName,
      events: RecordActivityOn__Agg__Created.events,
      handler: RecordActivityOn__Agg__Created,
      contracts: { [__Ctx__RoutingKeys.__agg__CreatedV1]: __Agg__CreatedV1 },
    },
  ],
  processes: [
    {
      name: FollowUp__Agg__Process.processName,
      events: [__Ctx__RoutingKeys.__agg__CreatedV1],
      timeouts: [FollowUp__Agg__Process.followUp],
      manager: FollowUp__Agg__Process,
      contracts: { [__Ctx__RoutingKeys.__agg__CreatedV1]: __Agg__CreatedV1 },
    },
  ],
  register(container: DependencyContainer): void {
    // Transient: resolved per unit of work, they take that scope's Db (its transaction).
    container.register(__Agg__Repository, { useClass: Kysely__Agg__Repository });
    container.register(__Agg__ReadModel, { useClass: Kysely__Agg__ReadModel });
    container.register(Create__Agg__Handler, {
      useFactory: (c) =>
        new Create__Agg__Handler(c.resolve(__Agg__Repository), c.resolve(Clock), c.resolve(IdGenerator)),
    });
    container.register(Get__Agg__Handler, {
      useFactory: (c) => new Get__Agg__Handler(c.resolve(__Agg__ReadModel)),
    });
    container.register(RecordActivityOn__Agg__Created, { useClass: RecordActivityOn__Agg__Created });
    container.register(FollowUp__Agg__Process, { useValue: new FollowUp__Agg__Process() });
  },
  routes: __ctx__Routes,
};
