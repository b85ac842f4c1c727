import { EnsureBootstrapAdminCommand, type EnsureBootstrapAdminResult } from '@contextflow/auth-app';
import { Clock, CommandBus, IdGenerator, isAppError, SYSTEM_PRINCIPAL } from '@contextflow/core';
import type { DependencyContainer } from 'tsyringe';
import type { AuthConfig } from '../config/auth-config.js';

// Another process starting at the same moment created the same account first: the second run finds it. (A lost
// optimistic race on a promotion is run again by the command bus, the platform's one race policy.)
const ATTEMPTS = 2;

/**
 * Makes sure the configured first administrator exists with the admin role (`BOOTSTRAP_ADMIN_EMAIL` /
 * `BOOTSTRAP_ADMIN_PASSWORD`): creates the account, or promotes an existing one only when the configured
 * password is its password. An account with that address and another password (someone registered it first)
 * makes it throw `auth.bootstrap_password_mismatch`, an AppError whose message says what to do: start-up
 * should stop with that one line. Idempotent and safe when several instances start together. Call it at
 * start-up, after the migrations, with the runtime's container; returns `null` when no bootstrap admin is
 * configured.
 */
export async function ensureBootstrapAdmin(
  container: DependencyContainer,
  config: Pick<AuthConfig, 'bootstrapAdmin'>,
): Promise<EnsureBootstrapAdminResult | null> {
  const admin = config.bootstrapAdmin;
  if (admin === undefined) return null;
  const ids = container.resolve<IdGenerator>(IdGenerator);
  const clock = container.resolve<Clock>(Clock);
  const bus = container.resolve<CommandBus>(CommandBus);
  for (let attempt = 1; ; attempt += 1) {
    const commandId = ids.next();
    // In-process only: the password never reaches the queue or a table.
    const command: EnsureBootstrapAdminCommand = {
      type: EnsureBootstrapAdminCommand.type,
      payload: { email: admin.email, password: admin.password },
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
      if (attempt >= ATTEMPTS || !isAppError(error) || error.code !== 'auth.email_taken') throw error;
    }
  }
}
