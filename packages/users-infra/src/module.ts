// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { AccountRegisteredV1, AuthRoutingKeys, EmailVerifiedV1 } from '@contextflow/auth-app/contracts';
import { Clock, IdGenerator } from '@contextflow/core';
import type { ContextModule } from '@contextflow/core-infra';
import {
  DeactivateUserCommand,
  DeactivateUserHandler,
  DeactivateUserPayloadSchema,
  EmailVerifications,
  GetUserHandler,
  GetUserQuery,
  ListUsersHandler,
  ListUsersQuery,
  ReactivateUserCommand,
  ReactivateUserHandler,
  ReactivateUserPayloadSchema,
  RegisterUserCommand,
  RegisterUserHandler,
  RegisterUserPayloadSchema,
  RenameUserCommand,
  RenameUserHandler,
  RenameUserPayloadSchema,
  UserReadModel,
} from '@contextflow/users-app';
import { UserRepository } from '@contextflow/users-domain';
import type { DependencyContainer } from 'tsyringe';
import { RegisterUserOnAccountRegistered } from './amqp/register-user-on-account-registered.js';
import { ShowEmailVerifiedOnEmailVerified } from './amqp/show-email-verified-on-email-verified.js';
import { usersRoutes } from './http/users-routes.js';
import { KyselyEmailVerifications } from './kysely/kysely-email-verifications.js';
import { KyselyUserReadModel } from './kysely/kysely-user-read-model.js';
import { KyselyUserRepository } from './kysely/kysely-user-repository.js';
import { usersMigrations } from './migrations/index.js';

type WriteHandler = new (repository: UserRepository, clock: Clock, ids: IdGenerator) => unknown;

/** The users context, as the apps compose it. */
export const usersModule: ContextModule = {
  name: 'users',
  tags: [
    {
      name: 'users',
      description:
        'User profiles: the signed-in user, one user, the list (admin), renaming, and deactivating or ' +
        'reactivating a user (admin). A profile appears shortly after its account is registered.',
    },
  ],
  migrations: usersMigrations,
  commands: [
    {
      type: RegisterUserCommand.type,
      handler: RegisterUserHandler,
      delivery: 'queued',
      payload: RegisterUserPayloadSchema,
    },
    {
      type: RenameUserCommand.type,
      handler: RenameUserHandler,
      delivery: 'queued',
      payload: RenameUserPayloadSchema,
    },
    {
      type: DeactivateUserCommand.type,
      handler: DeactivateUserHandler,
      delivery: 'queued',
      payload: DeactivateUserPayloadSchema,
    },
    {
      type: ReactivateUserCommand.type,
      handler: ReactivateUserHandler,
      delivery: 'queued',
      payload: ReactivateUserPayloadSchema,
    },
  ],
  queries: [
    { type: GetUserQuery.type, handler: GetUserHandler },
    { type: ListUsersQuery.type, handler: ListUsersHandler },
  ],
  events: [
    {
      name: RegisterUserOnAccountRegistered.consumerName,
      events: RegisterUserOnAccountRegistered.events,
      handler: RegisterUserOnAccountRegistered,
      contracts: { [AuthRoutingKeys.accountRegisteredV1]: AccountRegisteredV1 },
    },
    {
      name: ShowEmailVerifiedOnEmailVerified.consumerName,
      events: ShowEmailVerifiedOnEmailVerified.events,
      handler: ShowEmailVerifiedOnEmailVerified,
      contracts: { [AuthRoutingKeys.emailVerifiedV1]: EmailVerifiedV1 },
    },
  ],
  register(container: DependencyContainer): void {
    // Transient: resolved per unit of work, they take that scope's Db (its transaction).
    container.register(UserRepository, { useClass: KyselyUserRepository });
    container.register(UserReadModel, { useClass: KyselyUserReadModel });
    container.register(EmailVerifications, { useClass: KyselyEmailVerifications });
    const write = (Handler: WriteHandler) =>
      container.register(Handler, {
        useFactory: (c) => new Handler(c.resolve(UserRepository), c.resolve(Clock), c.resolve(IdGenerator)),
      });
    for (const Handler of [
      RegisterUserHandler,
      RenameUserHandler,
      DeactivateUserHandler,
      ReactivateUserHandler,
    ])
      write(Handler);
    container.register(RegisterUserOnAccountRegistered, {
      useFactory: (c) => new RegisterUserOnAccountRegistered(c.resolve(RegisterUserHandler)),
    });
    container.register(ShowEmailVerifiedOnEmailVerified, {
      useFactory: (c) => new ShowEmailVerifiedOnEmailVerified(c.resolve(EmailVerifications)),
    });
    container.register(GetUserHandler, { useFactory: (c) => new GetUserHandler(c.resolve(UserReadModel)) });
    container.register(ListUsersHandler, {
      useFactory: (c) => new ListUsersHandler(c.resolve(UserReadModel)),
    });
  },
  routes: usersRoutes,
};
