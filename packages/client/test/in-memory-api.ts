// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  LoginCommand,
  type LoginPayload,
  type LoginTokens,
  RegisterAccountCommand,
  type RegisterAccountPayload,
  RegistrationIntake,
  type TokenOutcome,
} from '@contextflow/auth-app';
import { InMemoryLoginThrottle, InMemoryPendingCredentials } from '@contextflow/auth-app/testing';
import { createAuthModule, loadAuthConfig } from '@contextflow/auth-infra';
import {
  AppError,
  Clock,
  type Command,
  CommandBus,
  IdGenerator,
  type Principal,
  QueryBus,
} from '@contextflow/core';
import { CommandStatusReader, createLogger } from '@contextflow/core-infra';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { Authenticator, createHttpApp } from '@contextflow/http-kit';
import { InMemoryCommandStatusReader, StubQueryBus } from '@contextflow/http-kit/testing';
import { GetUserQuery } from '@contextflow/users-app';
import { usersModule } from '@contextflow/users-infra';
import { container } from 'tsyringe';

type Account = { readonly id: string; readonly email: string; readonly name: string; readonly hash: string };

/**
 * The composed app (users + auth routes on the platform routes) over in-memory fakes standing in for the
 * database, the broker and the worker: a registration is "processed" as soon as it is accepted, a login
 * checks the fake hash and hands out an opaque access token the fake authenticator knows.
 */
export function inMemoryApi() {
  const accounts = new Map<string, Account>();
  const sessions = new Map<string, Principal>();
  const pending = new InMemoryPendingCredentials();
  const commandBus: CommandBus = {
    send: async (command: Command) => {
      if (command.type === RegisterAccountCommand.type) {
        const { accountId, email, name } = command.payload as RegisterAccountPayload;
        accounts.set(email, { id: accountId, email, name, hash: (await pending.take(accountId)) ?? '' });
      }
      return { commandId: command.meta.commandId, replayed: false };
    },
    execute: async <R>(command: Command): Promise<R> => {
      if (command.type !== LoginCommand.type) throw new Error(`not in this fake: ${command.type}`);
      const { email, password } = command.payload as LoginPayload;
      const account = accounts.get(email.toLowerCase());
      const outcome: TokenOutcome<LoginTokens> =
        account === undefined || account.hash !== `hash:${password}`
          ? {
              ok: false,
              error: AppError.unauthorized('auth.invalid_credentials', 'Wrong email or password.'),
            }
          : { ok: true, tokens: signIn(account) };
      return outcome as R;
    },
  };
  const signIn = (account: Account): LoginTokens => {
    const accessToken = `access-${sessions.size + 1}`;
    sessions.set(accessToken, { userId: account.id, roles: ['user'] });
    return {
      accessToken,
      refreshToken: `refresh-${sessions.size}`,
      tokenType: 'Bearer' as const,
      expiresIn: 900,
      deviceToken: `device-${sessions.size}`,
    };
  };
  const clock = new FixedClock();
  const views = new StubQueryBus({
    [GetUserQuery.type]: (query) => {
      const { userId } = query.params as { userId: string };
      const account = [...accounts.values()].find((a) => a.id === userId);
      if (account === undefined) throw AppError.notFound('users.not_found', 'No such user.');
      const at = clock.now().toISOString();
      return {
        id: account.id,
        email: account.email,
        name: account.name,
        status: 'active',
        createdAt: at,
        updatedAt: at,
      };
    },
  });

  const child = container.createChildContainer();
  child.registerInstance(CommandBus, commandBus);
  child.registerInstance(QueryBus, views);
  child.registerInstance(CommandStatusReader, new InMemoryCommandStatusReader());
  child.registerInstance(IdGenerator, new SequentialIds());
  child.registerInstance(Clock, clock);
  child.registerInstance(Authenticator, {
    authenticate: async (token: string) => sessions.get(token) ?? null,
  });
  const hasher = {
    hash: async (plain: string) => `hash:${plain}`,
    verify: async () => ({ ok: false, needsRehash: false }),
    dummyVerify: async () => {},
  };
  const registrations = new InMemoryLoginThrottle(clock, { maxFailures: 20, windowSeconds: 3600 });
  child.registerInstance(
    RegistrationIntake,
    new RegistrationIntake(registrations, hasher, pending, child.resolve<IdGenerator>(IdGenerator)),
  );
  const modules = [usersModule, createAuthModule(loadAuthConfig({}))];
  const app = createHttpApp({ container: child, modules, logger: createLogger({ level: 'silent' }) });
  return { app, accounts };
}
