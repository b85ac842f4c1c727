import type { TakenEmailNotifier } from '@contextflow/auth-app';
import type { Logger } from '@contextflow/core-infra';

/**
 * {@link TakenEmailNotifier} until the auth context can send email: one info line naming the account (never
 * the address), so an operator can see attempts to register taken emails. Without a logger it does nothing.
 */
export class LoggingTakenEmailNotifier implements TakenEmailNotifier {
  constructor(private readonly logger: Logger | undefined) {}

  async registrationAttempted(accountId: string): Promise<void> {
    this.logger?.info(
      { accountId },
      'registration attempted with the email of an existing account; no account was created',
    );
  }
}
