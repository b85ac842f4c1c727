import type { TakenEmailNotifier } from '../ports/taken-email-notifier.js';

/** A {@link TakenEmailNotifier} that keeps the account ids it was asked to notify, oldest first. */
export class RecordingTakenEmailNotifier implements TakenEmailNotifier {
  readonly notified: string[] = [];

  async registrationAttempted(accountId: string): Promise<void> {
    this.notified.push(accountId);
  }
}
