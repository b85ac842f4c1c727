export { RegisterUserOnAccountRegistered } from './amqp/register-user-on-account-registered.js';
export { usersRoutes } from './http/users-routes.js';
export { KyselyUserReadModel } from './kysely/kysely-user-read-model.js';
export { KyselyUserRepository } from './kysely/kysely-user-repository.js';
export type { UsersTable, UsersTables, UserViewsTable } from './kysely/users-tables.js';
export { usersMigrations } from './migrations/index.js';
export { usersModule } from './module.js';
