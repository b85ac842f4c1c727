import {
  ChangePasswordCommand,
  ChangePasswordHandler,
  ChangePasswordPayloadSchema,
  EnsureBootstrapAdminCommand,
  EnsureBootstrapAdminHandler,
  GrantRoleCommand,
  GrantRoleHandler,
  GrantRolePayloadSchema,
  LoginCommand,
  LoginHandler,
  LogoutAllCommand,
  LogoutAllHandler,
  LogoutCommand,
  LogoutHandler,
  RefreshCommand,
  RefreshHandler,
  RegisterAccountCommand,
  RegisterAccountHandler,
  RegisterAccountPayloadSchema,
  RemindUnverifiedEmailProcess,
  RequestEmailVerificationCommand,
  RequestEmailVerificationHandler,
  RequestEmailVerificationPayloadSchema,
  RequestPasswordResetCommand,
  RequestPasswordResetHandler,
  RequestPasswordResetPayloadSchema,
  ResetPasswordCommand,
  ResetPasswordHandler,
  ResetPasswordPayloadSchema,
  RevokeRoleCommand,
  RevokeRoleHandler,
  RevokeRolePayloadSchema,
  VerifyEmailCommand,
  VerifyEmailHandler,
  VerifyEmailPayloadSchema,
} from '@contextflow/auth-app';
import { AccountRegisteredV1, AuthRoutingKeys, EmailVerifiedV1 } from '@contextflow/auth-app/contracts';
import { IdGenerator } from '@contextflow/core';
import { type ContextModule, Logger } from '@contextflow/core-infra';
import { UserDeactivatedV1, UserReactivatedV1, UsersRoutingKeys } from '@contextflow/users-app/contracts';
import type { DependencyContainer } from 'tsyringe';
import { EnableAccountOnUserReactivated } from './amqp/enable-account-on-user-reactivated.js';
import { EndSessionsOnUserDeactivated } from './amqp/end-sessions-on-user-deactivated.js';
import { SendAccountEmailOnEmailRequested } from './amqp/send-account-email-on-email-requested.js';
import { Semaphore } from './concurrency/semaphore.js';
import type { AuthConfig } from './config/auth-config.js';
import { loadAuthConfig } from './config/load-auth-config.js';
import type { Argon2PasswordHasherOptions } from './crypto/argon2-password-hasher.js';
import { authRoutes } from './http/auth-routes.js';
import { authMigrations } from './migrations/index.js';
import { registerAuth } from './tsyringe/register-auth.js';

/** Tuning of {@link createAuthModule}. */
export interface AuthModuleOptions {
  /** Sign-ins and refreshes running at once per process (default 4); keep it below the database pool size. */
  readonly signInConcurrency?: number;
  /** Sign-ins that may wait for a slot before more get 503 (default 256). */
  readonly signInQueue?: number;
  /**
   * Registrations taken in at once per process (counted, hashed, stored; default 2), in a lane of their own so
   * a registration flood cannot take the hashing capacity sign-ins need.
   */
  readonly registrationConcurrency?: number;
  /** Registrations that may wait for the lane before more get 503 `auth.busy` (default 16). */
  readonly registrationQueue?: number;
  /** Cost and concurrency of password hashing (default: OWASP argon2id, 4 at once). */
  readonly hasher?: Argon2PasswordHasherOptions;
}

const GENERATED_KEY_WARNING =
  'JWT_PRIVATE_KEY is not set: access tokens are signed with a key generated at start-up, so they stop ' +
  'verifying after a restart and on other instances. Set JWT_PRIVATE_KEY and JWT_KEY_ID (required in production).';

/**
 * The auth context for an explicit configuration; without one it reads `loadAuthConfig()` from the
 * environment the first time it is registered (call `loadAuthConfig` yourself to report a bad configuration
 * before anything starts). Login, refresh, logout, logout-all and the bootstrap run in-process; registration
 * and role changes are queued commands; the reactions end sessions on deactivation and re-enable on reactivation;
 * a process reminds an account once to verify its email.
 */
export function createAuthModule(config?: AuthConfig, options: AuthModuleOptions = {}): ContextModule {
  let loaded = config;
  let warned = false;
  const configOf = (): AuthConfig => {
    loaded ??= loadAuthConfig();
    return loaded;
  };
  const signIns = new Semaphore({
    concurrency: options.signInConcurrency ?? 4,
    maxQueue: options.signInQueue ?? 256,
  });
  const registrations = new Semaphore({
    concurrency: options.registrationConcurrency ?? 2,
    maxQueue: options.registrationQueue ?? 16,
  });
  return {
    name: 'auth',
    tags: [
      {
        name: 'auth',
        description:
          'Accounts and sign-in: register, sign in for an access token (15 minutes), a single-use refresh token ' +
          'and a device token, refresh, sign out; the keys that verify tokens; roles (admin).',
      },
    ],
    migrations: authMigrations,
    commands: [
      {
        type: RegisterAccountCommand.type,
        handler: RegisterAccountHandler,
        delivery: 'queued',
        payload: RegisterAccountPayloadSchema,
      },
      {
        type: GrantRoleCommand.type,
        handler: GrantRoleHandler,
        delivery: 'queued',
        payload: GrantRolePayloadSchema,
      },
      {
        type: RevokeRoleCommand.type,
        handler: RevokeRoleHandler,
        delivery: 'queued',
        payload: RevokeRolePayloadSchema,
      },
      {
        type: RequestEmailVerificationCommand.type,
        handler: RequestEmailVerificationHandler,
        delivery: 'queued',
        payload: RequestEmailVerificationPayloadSchema,
      },
      {
        type: VerifyEmailCommand.type,
        handler: VerifyEmailHandler,
        delivery: 'queued',
        payload: VerifyEmailPayloadSchema,
      },
      {
        type: RequestPasswordResetCommand.type,
        handler: RequestPasswordResetHandler,
        delivery: 'queued',
        payload: RequestPasswordResetPayloadSchema,
      },
      {
        type: ResetPasswordCommand.type,
        handler: ResetPasswordHandler,
        delivery: 'queued',
        payload: ResetPasswordPayloadSchema,
      },
      {
        type: ChangePasswordCommand.type,
        handler: ChangePasswordHandler,
        delivery: 'queued',
        payload: ChangePasswordPayloadSchema,
      },
      // In-process: they carry a password or a token, or their caller needs the answer now.
      { type: LoginCommand.type, handler: LoginHandler, delivery: 'in-process' },
      { type: RefreshCommand.type, handler: RefreshHandler, delivery: 'in-process' },
      { type: LogoutCommand.type, handler: LogoutHandler, delivery: 'in-process' },
      { type: LogoutAllCommand.type, handler: LogoutAllHandler, delivery: 'in-process' },
      {
        type: EnsureBootstrapAdminCommand.type,
        handler: EnsureBootstrapAdminHandler,
        delivery: 'in-process',
      },
    ],
    queries: [],
    events: [
      {
        name: EndSessionsOnUserDeactivated.consumerName,
        events: EndSessionsOnUserDeactivated.events,
        handler: EndSessionsOnUserDeactivated,
        contracts: { [UsersRoutingKeys.userDeactivatedV1]: UserDeactivatedV1 },
      },
      {
        name: EnableAccountOnUserReactivated.consumerName,
        events: EnableAccountOnUserReactivated.events,
        handler: EnableAccountOnUserReactivated,
        contracts: { [UsersRoutingKeys.userReactivatedV1]: UserReactivatedV1 },
      },
      {
        name: SendAccountEmailOnEmailRequested.consumerName,
        events: SendAccountEmailOnEmailRequested.events,
        handler: SendAccountEmailOnEmailRequested,
        contracts: SendAccountEmailOnEmailRequested.contracts,
      },
    ],
    processes: [
      {
        name: RemindUnverifiedEmailProcess.processName,
        events: [AuthRoutingKeys.accountRegisteredV1, AuthRoutingKeys.emailVerifiedV1],
        timeouts: [RemindUnverifiedEmailProcess.remind],
        manager: RemindUnverifiedEmailProcess,
        contracts: {
          [AuthRoutingKeys.accountRegisteredV1]: AccountRegisteredV1,
          [AuthRoutingKeys.emailVerifiedV1]: EmailVerifiedV1,
        },
      },
    ],
    register(container: DependencyContainer): void {
      const resolved = configOf();
      container.register(RemindUnverifiedEmailProcess, {
        useFactory: (c) =>
          new RemindUnverifiedEmailProcess(
            resolved.links.emailVerificationReminderSeconds * 1000,
            c.resolve<IdGenerator>(IdGenerator),
          ),
      });
      if (resolved.jwt.generatedKey && !warned && container.isRegistered(Logger, true)) {
        warned = true;
        container.resolve<Logger>(Logger).warn(GENERATED_KEY_WARNING);
      }
      registerAuth(container, resolved, options.hasher);
    },
    routes: () =>
      authRoutes({
        keys: configOf().jwt.keys,
        trustedProxyHops: configOf().trustedProxyHops,
        signIns,
        registrations,
      }),
  };
}

/** The auth context configured from the environment (`loadAuthConfig`), as the apps compose it. */
export const authModule: ContextModule = createAuthModule();
