import {
  BOOTSTRAP_PASSWORD_NEEDED,
  EnsureBootstrapAdminCommand,
  type EnsureBootstrapAdminResult,
  PasswordHasher,
} from '@contextflow/auth-app';
import { Clock, CommandBus, IdGenerator, isAppError, SYSTEM_PRINCIPAL } from '@contextflow/core';
import type { DependencyContainer } from 'tsyringe';
import type { AuthConfig } from './config/auth-config.js';

const ATTEMPTS = 3;
// Another process starting at the same moment created or promoted the same account first.
const LOST_RACE = new Set(['auth.email_taken', 'auth.concurrent_update']);

/**
 * Makes sure the configured first administrator exists with the admin role (`BOOTSTRAP_ADMIN_EMAIL` /
 * `BOOTSTRAP_ADMIN_PASSWORD`): creates the account, or promotes an existing one whose password stays as it is.
 * Idempotent and safe when several instances start together. Call it at start-up, after the migrations, with
 * the runtime's container; returns `null` when no bootstrap admin is configured.
 */
export async function ensureBootstrapAdmin(
  container: DependencyContainer,
  config: Pick<AuthConfig, 'bootstrapAdmin'>,
): Promise<EnsureBootstrapAdminResult | null> {
  const admin = config.bootstrapAdmin;
  if (admin === undefined) return null;
  // Hashing is slow on purpose (tens of ms and MiB): done only when the account has to be created.
  let passwordHash: string | undefined;
  const ids = container.resolve<IdGenerator>(IdGenerator);
  const clock = container.resolve<Clock>(Clock);
  const bus = container.resolve<CommandBus>(CommandBus);
  for (let attempt = 1; ; attempt += 1) {
    const commandId = ids.next();
    const command: EnsureBootstrapAdminCommand = {
      type: EnsureBootstrapAdminCommand.type,
      payload: { email: admin.email, ...(passwordHash === undefined ? {} : { passwordHash }) },
      meta: {
        commandId,
        actor: SYSTEM_PRINCIPAL,
        correlationId: commandId,
        causationId: commandId,
        issuedAt: clock.now().toISOString(),
      },
    };
    try {
      return await bus.execute<EnsureBootstrapAdminResult>(command);
    } catch (error) {
      if (passwordHash === undefined && isAppError(error) && error.code === BOOTSTRAP_PASSWORD_NEEDED) {
        passwordHash = await container.resolve<PasswordHasher>(PasswordHasher).hash(admin.password);
        continue;
      }
      if (attempt >= ATTEMPTS || !isAppError(error) || !LOST_RACE.has(error.code)) throw error;
    }
  }
}
