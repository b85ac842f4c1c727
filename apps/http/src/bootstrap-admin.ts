import { type AuthConfig, ensureBootstrapAdmin } from '@contextflow/auth-infra';
import { isAppError } from '@contextflow/core';
import type { Logger } from '@contextflow/core-infra';
import type { DependencyContainer } from 'tsyringe';

/**
 * Makes sure of the bootstrap administrator at start-up and says whether start-up may go on. A refusal (an
 * AppError: `auth.bootstrap_password_mismatch` when the address belongs to an account with another password)
 * is logged as one fatal line that says what to do, without a stack, and answers false: the caller stops.
 */
export async function bootstrapAdmin(
  container: DependencyContainer,
  config: Pick<AuthConfig, 'bootstrapAdmin'>,
  logger: Logger,
): Promise<boolean> {
  try {
    if ((await ensureBootstrapAdmin(container, config)) !== null) logger.info('bootstrap admin ensured');
    return true;
  } catch (error) {
    if (!isAppError(error)) throw error;
    logger.fatal({ code: error.code }, error.message);
    return false;
  }
}
