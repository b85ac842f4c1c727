export { RecordActivityOn__Agg__Created } from './amqp/record-activity-on-__agg__-created.js';
export { __ctx__Routes } from './http/__ctx__-routes.js';
export type { __Agg__ActivityTable, __Ctx__Table, __Ctx__Tables } from './kysely/__ctx__-tables.js';
export { Kysely__Agg__ReadModel } from './kysely/kysely-__agg__-read-model.js';
export { Kysely__Agg__Repository } from './kysely/kysely-__agg__-repository.js';
export { __ctx__Migrations } from './migrations/index.js';
export { __ctx__Module } from './module.js';
