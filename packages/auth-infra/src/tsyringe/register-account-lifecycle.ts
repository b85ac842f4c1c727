// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import {
  AccountEmailSender,
  AccountLinks,
  AuthSettings,
  ChangePasswordHandler,
  DeviceTokens,
  LinkSecrets,
  Mailer,
  NewPasswordIntake,
  type PasswordHasher,
  PendingCredentials,
  RequestEmailVerificationHandler,
  RequestPasswordResetHandler,
  ResetPasswordHandler,
  VerifyEmailHandler,
} from '@contextflow/auth-app';
import { AccountRepository, SessionRepository } from '@contextflow/auth-domain';
import { Clock, IdGenerator } from '@contextflow/core';
import type { Logger } from '@contextflow/core-infra';
import { OutboxWriter } from '@contextflow/core-infra/db';
import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { SendAccountEmailOnEmailRequested } from '../amqp/send-account-email-on-email-requested.js';
import type { AuthConfig } from '../config/auth-config.js';
import { Sha256LinkSecrets } from '../crypto/sha256-link-secrets.js';
import type { AuthTables } from '../kysely/auth-tables.js';
import { KyselyAccountLinks } from '../kysely/kysely-account-links.js';
import { KyselyAccountRepository } from '../kysely/kysely-account-repository.js';
import { KyselyPendingCredentials } from '../kysely/kysely-pending-credentials.js';
import { LoggingMailer } from '../mail/logging-mailer.js';
import { SmtpMailer } from '../mail/smtp-mailer.js';

/** What {@link registerAccountLifecycle} shares with the rest of the auth context's registration. */
export interface SharedAuthParts {
  readonly root: Kysely<AuthTables>;
  readonly passwords: PasswordHasher;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger | undefined;
}

/**
 * Registers the account lifecycle: the links and their secrets, the mailer (SMTP with `SMTP_URL`, the log
 * without), the new-password intake (on the root `Db`, outside any unit of work) and the handlers and the
 * email-sending reaction (per unit of work).
 */
export function registerAccountLifecycle(
  container: DependencyContainer,
  config: AuthConfig,
  { root, passwords, clock, ids, logger }: SharedAuthParts,
): void {
  container.register(AccountLinks, { useClass: KyselyAccountLinks });
  container.register(LinkSecrets, { useValue: new Sha256LinkSecrets() });
  const { mail } = config;
  container.register(Mailer, {
    useValue:
      mail.smtpUrl === undefined ? new LoggingMailer(logger) : new SmtpMailer(mail.smtpUrl, mail.from),
  });
  // New passwords (reset, change) are checked and hashed where the request arrives, like registrations.
  container.register(NewPasswordIntake, {
    useValue: new NewPasswordIntake(
      new KyselyAccountRepository(root, container.resolve<OutboxWriter>(OutboxWriter)),
      new KyselyAccountLinks(root),
      passwords,
      new KyselyPendingCredentials(root, clock),
      ids,
    ),
  });

  container.register(RequestEmailVerificationHandler, {
    useFactory: (c) =>
      new RequestEmailVerificationHandler(
        c.resolve(AccountRepository),
        c.resolve(AccountLinks),
        c.resolve(AuthSettings),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(RequestPasswordResetHandler, {
    useFactory: (c) =>
      new RequestPasswordResetHandler(
        c.resolve(AccountRepository),
        c.resolve(AccountLinks),
        c.resolve(AuthSettings),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(ResetPasswordHandler, {
    useFactory: (c) =>
      new ResetPasswordHandler(
        c.resolve(AccountRepository),
        c.resolve(AccountLinks),
        c.resolve(LinkSecrets),
        c.resolve(PendingCredentials),
        c.resolve(SessionRepository),
        c.resolve(DeviceTokens),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(ChangePasswordHandler, {
    useFactory: (c) =>
      new ChangePasswordHandler(
        c.resolve(AccountRepository),
        c.resolve(PendingCredentials),
        c.resolve(SessionRepository),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(VerifyEmailHandler, {
    useFactory: (c) =>
      new VerifyEmailHandler(
        c.resolve(AccountRepository),
        c.resolve(AccountLinks),
        c.resolve(LinkSecrets),
        c.resolve(IdGenerator),
        c.resolve(Clock),
      ),
  });
  container.register(SendAccountEmailOnEmailRequested, {
    useFactory: (c) =>
      new SendAccountEmailOnEmailRequested(
        new AccountEmailSender(
          c.resolve(AccountLinks),
          c.resolve(LinkSecrets),
          c.resolve(Mailer),
          c.resolve(AuthSettings),
          c.resolve(Clock),
        ),
      ),
  });
}
