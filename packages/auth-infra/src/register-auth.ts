// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  AccessTokenAuthenticator,
  AccessTokenIssuer,
  AccessTokenVerifier,
  AuthSettings,
  EnableAccountOnUserReactivated,
  EndSessionsOnUserDeactivated,
  EnsureBootstrapAdminHandler,
  GrantRoleHandler,
  LoginHandler,
  LoginThrottle,
  LogoutHandler,
  PasswordHasher,
  RefreshHandler,
  RefreshTokens,
  RegisterAccountHandler,
  RevokeRoleHandler,
  SessionStarter,
  SessionStatusReader,
} from '@contextflow/auth-app';
import { AccountRepository, SessionRepository } from '@contextflow/auth-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import { Logger } from '@contextflow/core-infra';
import { Db, NotificationListener } from '@contextflow/core-infra/db';
import { Authenticator } from '@contextflow/http-kit';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { AccessChanges, SessionCache } from './cache/session-cache.js';
import { AuthConfig } from './config/auth-config.js';
import { Argon2PasswordHasher, type Argon2PasswordHasherOptions } from './crypto/argon2-password-hasher.js';
import { JoseAccessTokenIssuer } from './crypto/jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from './crypto/jose-access-token-verifier.js';
import { Sha256RefreshTokens } from './crypto/sha256-refresh-tokens.js';
import type { AuthTables } from './kysely/auth-tables.js';
import { KyselyAccountRepository } from './kysely/kysely-account-repository.js';
import { KyselySessionRepository } from './kysely/kysely-session-repository.js';
import { KyselySessionStatusReader } from './kysely/kysely-session-status-reader.js';
import { PgLoginThrottle } from './kysely/pg-login-throttle.js';

type AccountWriter = new (accounts: AccountRepository, ids: IdGenerator, clock: Clock) => unknown;

/**
 * Registers the auth context's adapters and handlers. Repositories are transient (each unit of work's scope
 * gives them its transaction); what must outlive a transaction — the throttle, the session status reader
 * behind the Authenticator — is built here once on the ROOT `Db`, which `registerPlatform` put in place.
 */
export function registerAuth(
  container: DependencyContainer,
  config: AuthConfig,
  hasher: Argon2PasswordHasherOptions = {},
): void {
  const root = container.resolve<Kysely<AuthTables>>(Db);
  const clock = container.resolve<Clock>(Clock);
  const ids = container.resolve<IdGenerator>(IdGenerator);
  const { jwt } = config;
  const verifier = new JoseAccessTokenVerifier(jwt.keys, jwt, clock);
  // Where the process hears PostgreSQL's notifications (the apps), live sessions are cached; see SessionCache.
  const reader = new KyselySessionStatusReader(root);
  const cache = container.isRegistered(NotificationListener, true)
    ? new SessionCache(
        reader,
        container.resolve<NotificationListener>(NotificationListener),
        container.isRegistered(Logger, true) ? { logger: container.resolve<Logger>(Logger) } : {},
      )
    : undefined;
  const statuses = cache ?? reader;
  if (cache !== undefined) container.register(AccessChanges, { useValue: cache });
  const tokenOptions = { issuer: jwt.issuer, audience: jwt.audience, ttlSeconds: jwt.accessTokenTtlSeconds };

  container.register(AuthConfig, { useValue: config });
  container.register(AccountRepository, { useClass: KyselyAccountRepository });
  container.register(SessionRepository, { useClass: KyselySessionRepository });
  container.register(PasswordHasher, { useValue: new Argon2PasswordHasher(hasher) });
  container.register(RefreshTokens, { useValue: new Sha256RefreshTokens() });
  container.register(AccessTokenIssuer, {
    useValue: new JoseAccessTokenIssuer(jwt.keys, tokenOptions, clock, ids),
  });
  container.register(AccessTokenVerifier, { useValue: verifier });
  container.register(AuthSettings, { useValue: { refreshTokenTtlSeconds: config.refreshTokenTtlSeconds } });
  container.register(LoginThrottle, { useValue: new PgLoginThrottle(root, clock, config.throttle) });
  container.register(SessionStatusReader, { useValue: statuses });
  container.register(Authenticator, { useValue: new AccessTokenAuthenticator(verifier, statuses, clock) });

  // Handlers and what they use per unit of work resolve from the scope they run in (its transaction).
  container.register(SessionStarter, {
    useFactory: (c) =>
      new SessionStarter(
        c.resolve(SessionRepository),
        c.resolve(RefreshTokens),
        c.resolve(AccessTokenIssuer),
        c.resolve(AuthSettings),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  const accountWriter = (Handler: AccountWriter) =>
    container.register(Handler, {
      useFactory: (c) => new Handler(c.resolve(AccountRepository), c.resolve(IdGenerator), c.resolve(Clock)),
    });
  for (const Handler of [
    RegisterAccountHandler,
    GrantRoleHandler,
    RevokeRoleHandler,
    EnsureBootstrapAdminHandler,
    EnableAccountOnUserReactivated,
  ])
    accountWriter(Handler);
  container.register(LoginHandler, {
    useFactory: (c) =>
      new LoginHandler(
        c.resolve(AccountRepository),
        c.resolve(PasswordHasher),
        c.resolve(LoginThrottle),
        c.resolve(SessionStarter),
      ),
  });
  container.register(RefreshHandler, {
    useFactory: (c) =>
      new RefreshHandler(
        c.resolve(SessionRepository),
        c.resolve(AccountRepository),
        c.resolve(RefreshTokens),
        c.resolve(AccessTokenIssuer),
        c.resolve(LoginThrottle),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(LogoutHandler, {
    useFactory: (c) =>
      new LogoutHandler(
        c.resolve(SessionRepository),
        c.resolve(RefreshTokens),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(EndSessionsOnUserDeactivated, {
    useFactory: (c) =>
      new EndSessionsOnUserDeactivated(
        c.resolve(AccountRepository),
        c.resolve(SessionRepository),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
}
