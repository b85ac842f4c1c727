import type { LiveSession, SessionStatusReader } from '../ports/session-status-reader.js';
import type { InMemoryAccountRepository } from './in-memory-account-repository.js';
import type { InMemorySessionRepository } from './in-memory-session-repository.js';

/** A {@link SessionStatusReader} reading the in-memory repositories, with the same rules as the real query. */
export class InMemorySessionStatusReader implements SessionStatusReader {
  constructor(
    private readonly accounts: InMemoryAccountRepository,
    private readonly sessions: InMemorySessionRepository,
  ) {}

  async find(sessionId: string, at: Date): Promise<LiveSession | null> {
    const session = this.sessions.findById(sessionId);
    if (session === null || !session.isActiveAt(at)) return null;
    const account = await this.accounts.findById(session.accountId);
    if (account === null || !account.isActive) return null;
    return { accountId: account.id, roles: account.roles };
  }
}
