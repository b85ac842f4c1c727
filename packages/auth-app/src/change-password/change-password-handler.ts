import {
  type AccountRepository,
  AuthErrors,
  newStamp,
  type SessionRepository,
} from '@contextflow/auth-domain';
import type { Clock, CommandHandler, IdGenerator } from '@contextflow/core';
import type { PendingCredentials } from '../ports/pending-credentials.js';
import type { ChangePasswordCommand, ChangePasswordResult } from './change-password-command.js';

/**
 * Replaces the caller's password with the hash that waits for it; every other session of the account ends, the
 * caller's goes on. A wrong current password fails with `auth.wrong_password`; only the account's owner may
 * change it (`auth.unauthenticated`, `auth.admin_only`).
 */
export class ChangePasswordHandler implements CommandHandler<ChangePasswordCommand, ChangePasswordResult> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly credentials: PendingCredentials,
    private readonly sessions: SessionRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async handle({ payload, meta }: ChangePasswordCommand): Promise<ChangePasswordResult> {
    if (meta.actor === null) throw AuthErrors.unauthenticated();
    if (meta.actor.userId !== payload.accountId) throw AuthErrors.adminOnly();
    const passwordHash =
      payload.credentialId === null ? null : await this.credentials.take(payload.credentialId);
    if (passwordHash === null) throw AuthErrors.wrongPassword();
    const account = await this.accounts.findById(payload.accountId);
    if (account === null) throw AuthErrors.accountNotFound();
    account.changePassword(passwordHash, 'change', newStamp(this.ids, this.clock));
    await this.accounts.save(account);
    const now = this.clock.now();
    const sessionsEnded = await this.sessions.revokeAllForAccount(
      account.id,
      'logout',
      now,
      meta.actor.sessionId,
    );
    return { accountId: account.id, sessionsEnded };
  }
}
