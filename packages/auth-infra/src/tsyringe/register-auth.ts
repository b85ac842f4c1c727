// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  AccessTokenAuthenticator,
  AccessTokenIssuer,
  AccessTokenVerifier,
  AccountLinks,
  AuthSettings,
  DeviceTokens,
  EnsureBootstrapAdminHandler,
  GrantRoleHandler,
  LoginHandler,
  LoginThrottle,
  LogoutAllHandler,
  LogoutHandler,
  PasswordHasher,
  PendingCredentials,
  RefreshHandler,
  RefreshTokens,
  RegisterAccountHandler,
  RegistrationIntake,
  RevokeRoleHandler,
  SessionStarter,
  SessionStatusReader,
} from '@contextflow/auth-app';
import { AccountRepository, SessionRepository } from '@contextflow/auth-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import { Logger } from '@contextflow/core-infra';
import { AfterUnitOfWork, Db, NotificationListener } from '@contextflow/core-infra/db';
import { Authenticator } from '@contextflow/http-kit';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { EnableAccountOnUserReactivated } from '../amqp/enable-account-on-user-reactivated.js';
import { EndSessionsOnUserDeactivated } from '../amqp/end-sessions-on-user-deactivated.js';
import { AccessChanges, SessionCache } from '../cache/session-cache.js';
import { AuthConfig } from '../config/auth-config.js';
import { Argon2PasswordHasher, type Argon2PasswordHasherOptions } from '../crypto/argon2-password-hasher.js';
import { JoseAccessTokenIssuer } from '../crypto/jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from '../crypto/jose-access-token-verifier.js';
import { Sha256RefreshTokens } from '../crypto/sha256-refresh-tokens.js';
import type { AuthTables } from '../kysely/auth-tables.js';
import { KyselyAccountRepository } from '../kysely/kysely-account-repository.js';
import { KyselyDeviceTokens } from '../kysely/kysely-device-tokens.js';
import { KyselyPendingCredentials } from '../kysely/kysely-pending-credentials.js';
import { KyselySessionRepository } from '../kysely/kysely-session-repository.js';
import { KyselySessionStatusReader } from '../kysely/kysely-session-status-reader.js';
import { PgLoginThrottle, type ThrottleSweeps } from '../kysely/pg-login-throttle.js';
import { registerAccountLifecycle } from './register-account-lifecycle.js';

/** The window of the per-address registration limit (`REGISTER_MAX_PER_ADDRESS_PER_HOUR`). */
const REGISTRATION_WINDOW_SECONDS = 3600;

type AccountWriter = new (accounts: AccountRepository, ids: IdGenerator, clock: Clock) => unknown;

/**
 * Registers the auth context's adapters and handlers. Repositories and the sign-in throttle are transient (each
 * unit of work's scope gives them its transaction; the throttle records failures after it, `AfterUnitOfWork`);
 * what serves outside any unit of work — the session status reader behind the Authenticator, the registration
 * intake — is built here once on the ROOT `Db`, which `registerPlatform` put in place.
 */
export function registerAuth(
  container: DependencyContainer,
  config: AuthConfig,
  hasher: Argon2PasswordHasherOptions = {},
): void {
  const root = container.resolve<Kysely<AuthTables>>(Db);
  const clock = container.resolve<Clock>(Clock);
  const ids = container.resolve<IdGenerator>(IdGenerator);
  const logger = container.isRegistered(Logger, true) ? container.resolve<Logger>(Logger) : undefined;
  const { jwt } = config;
  const verifier = new JoseAccessTokenVerifier(jwt.keys, jwt, clock);
  // Where the process hears PostgreSQL's notifications (the apps), live sessions are cached; see SessionCache.
  const reader = new KyselySessionStatusReader(root);
  const cache = container.isRegistered(NotificationListener, true)
    ? new SessionCache(
        reader,
        container.resolve<NotificationListener>(NotificationListener),
        logger === undefined ? {} : { logger },
      )
    : undefined;
  const statuses = cache ?? reader;
  if (cache !== undefined) container.register(AccessChanges, { useValue: cache });
  const tokenOptions = { issuer: jwt.issuer, audience: jwt.audience, ttlSeconds: jwt.accessTokenTtlSeconds };

  container.register(AuthConfig, { useValue: config });
  container.register(AccountRepository, { useClass: KyselyAccountRepository });
  container.register(SessionRepository, { useClass: KyselySessionRepository });
  const passwords = new Argon2PasswordHasher(hasher);
  container.register(PasswordHasher, { useValue: passwords });
  container.register(DeviceTokens, { useClass: KyselyDeviceTokens });
  container.register(PendingCredentials, { useClass: KyselyPendingCredentials });
  container.register(RefreshTokens, { useValue: new Sha256RefreshTokens() });
  container.register(AccessTokenIssuer, {
    useValue: new JoseAccessTokenIssuer(jwt.keys, tokenOptions, clock, ids),
  });
  container.register(AccessTokenVerifier, { useValue: verifier });
  container.register(AuthSettings, {
    useValue: {
      refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
      appBaseUrl: config.mail.appBaseUrl,
      ...config.links,
    },
  });
  // Per scope: a sign-in's throttle reads in its unit of work and records failures after it (AfterUnitOfWork).
  const sweeps: ThrottleSweeps = { last: 0 };
  container.register(LoginThrottle, {
    useFactory: (c) =>
      new PgLoginThrottle(c.resolve(Db), c.resolve(AfterUnitOfWork), clock, config.throttle, sweeps),
  });
  container.register(SessionStatusReader, { useValue: statuses });
  container.register(Authenticator, { useValue: new AccessTokenAuthenticator(verifier, statuses, clock) });
  // Outside any unit of work (the route runs it before the command is accepted): on the root handle. Every
  // registration counts, in a window of its own, in the throttle's table.
  const registrations = new PgLoginThrottle(root, container.resolve(AfterUnitOfWork), clock, {
    accountMaxFailures: config.registerMaxPerAddressPerHour,
    addressMaxFailures: config.registerMaxPerAddressPerHour,
    windowSeconds: REGISTRATION_WINDOW_SECONDS,
  });
  container.register(RegistrationIntake, {
    useValue: new RegistrationIntake(
      registrations,
      passwords,
      new KyselyPendingCredentials(root, clock),
      ids,
    ),
  });

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
  for (const Handler of [GrantRoleHandler, RevokeRoleHandler, EnableAccountOnUserReactivated])
    accountWriter(Handler);
  container.register(RegisterAccountHandler, {
    useFactory: (c) =>
      new RegisterAccountHandler(
        c.resolve(AccountRepository),
        c.resolve(PendingCredentials),
        c.resolve(AccountLinks),
        c.resolve(AuthSettings),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(EnsureBootstrapAdminHandler, {
    useFactory: (c) =>
      new EnsureBootstrapAdminHandler(
        c.resolve(AccountRepository),
        c.resolve(PasswordHasher),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(LoginHandler, {
    useFactory: (c) =>
      new LoginHandler(
        c.resolve(AccountRepository),
        c.resolve(PasswordHasher),
        c.resolve(LoginThrottle),
        c.resolve(DeviceTokens),
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
  container.register(LogoutAllHandler, {
    useFactory: (c) =>
      new LogoutAllHandler(c.resolve(SessionRepository), c.resolve(DeviceTokens), c.resolve(Clock)),
  });
  registerAccountLifecycle(container, config, { root, passwords, clock, ids, logger });
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
