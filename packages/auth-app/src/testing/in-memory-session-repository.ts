import {
  AuthErrors,
  Session,
  type SessionEvent,
  type SessionRepository,
  type SessionRevokedReason,
  type SessionSnapshot,
} from '@contextflow/auth-domain';

/** A {@link SessionRepository} over a map of snapshots, with the same version rule as the real one. */
export class InMemorySessionRepository implements SessionRepository {
  readonly #rows = new Map<string, SessionSnapshot>();
  /** Every event saved, oldest first. */
  readonly published: SessionEvent[] = [];

  async findByTokenHash(hash: string): Promise<Session | null> {
    const row = [...this.#rows.values()].find(
      (candidate) => candidate.currentTokenHash === hash || candidate.previousTokenHashes.includes(hash),
    );
    return row === undefined ? null : Session.restore(row);
  }

  async save(session: Session): Promise<void> {
    const stored = this.#rows.get(session.id);
    if ((stored?.version ?? 0) !== session.persistedVersion) throw AuthErrors.concurrentUpdate();
    this.#rows.set(session.id, session.toSnapshot());
    this.published.push(...session.pullEvents());
  }

  async revokeAllForAccount(
    accountId: string,
    reason: SessionRevokedReason,
    _at: Date,
    keepSessionId?: string,
  ): Promise<number> {
    let revoked = 0;
    for (const row of this.#rows.values()) {
      if (row.accountId !== accountId || row.status !== 'active' || row.id === keepSessionId) continue;
      // A bulk revocation moves the version, so a refresh racing with it loses instead of reviving the session.
      this.#rows.set(row.id, { ...row, status: 'revoked', revokedReason: reason, version: row.version + 1 });
      revoked += 1;
    }
    return revoked;
  }

  /** Stores sessions as given state: no version check, no events published. */
  seed(...sessions: Session[]): void {
    for (const session of sessions) this.#rows.set(session.id, session.toSnapshot());
  }

  /** The session with this id, whatever its status; `null` when absent. */
  findById(id: string): Session | null {
    const row = this.#rows.get(id);
    return row === undefined ? null : Session.restore(row);
  }

  /** Every stored session of the account. */
  sessionsOf(accountId: string): Session[] {
    return [...this.#rows.values()]
      .filter((row) => row.accountId === accountId)
      .map((row) => Session.restore(row));
  }
}
