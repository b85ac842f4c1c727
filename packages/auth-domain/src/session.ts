import { AggregateRoot } from '@contextflow/core';
import { AuthErrors } from './errors.js';
import { SessionRevokedEvent } from './session-revoked-event.js';
import type { SessionRevokedReason } from './session-revoked-reason.js';
import { SessionRotatedEvent } from './session-rotated-event.js';
import { SessionStartedEvent } from './session-started-event.js';
import type { Stamp } from './stamp.js';

/** Whether a session's refresh tokens may still be exchanged (expiry is checked separately, against time). */
export type SessionStatus = 'active' | 'revoked';

/** Every event a {@link Session} records. */
export type SessionEvent = SessionStartedEvent | SessionRotatedEvent | SessionRevokedEvent;

/** The stored form of a session. Dates are instants; hashes are opaque strings from `RefreshTokens`. */
export interface SessionSnapshot {
  readonly id: string;
  readonly accountId: string;
  readonly currentTokenHash: string;
  /** Every earlier token hash of the family, oldest first: presenting one of them is reuse. */
  readonly previousTokenHashes: readonly string[];
  readonly generation: number;
  readonly status: SessionStatus;
  readonly revokedReason: SessionRevokedReason | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date;
  readonly expiresAt: Date;
  readonly version: number;
}

// The aggregate's own, mutable copy of the snapshot fields.
type SessionState = {
  -readonly [K in Exclude<keyof SessionSnapshot, 'id' | 'version'>]: SessionSnapshot[K];
} & {
  previousTokenHashes: string[];
};

/**
 * One sign-in: a family of refresh tokens where only the newest is valid. The session keeps every earlier
 * hash of its family, so presenting an already-exchanged token is recognised as theft and ends the family
 * (OAuth 2.0 Security BCP, refresh-token rotation). The family's lifetime is fixed at sign-in (`expiresAt`).
 */
export class Session extends AggregateRoot<SessionEvent> {
  private constructor(
    id: string,
    version: number,
    private state: SessionState,
  ) {
    super(id, version);
  }

  /** Starts a family whose first token has `tokenHash`, valid for `ttlSeconds` from `stamp.at`. */
  static start(
    input: { id: string; accountId: string; tokenHash: string; ttlSeconds: number },
    stamp: Stamp,
  ): Session {
    const session = new Session(input.id, 0, {
      accountId: input.accountId,
      currentTokenHash: input.tokenHash,
      previousTokenHashes: [],
      generation: 1,
      status: 'active',
      revokedReason: null,
      createdAt: stamp.at,
      lastUsedAt: stamp.at,
      expiresAt: new Date(stamp.at.getTime() + input.ttlSeconds * 1000),
    });
    session.record({
      ...SessionStartedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { accountId: input.accountId },
    });
    return session;
  }

  static restore(snapshot: SessionSnapshot): Session {
    const { id, version, ...state } = snapshot;
    return new Session(id, version, { ...state, previousTokenHashes: [...state.previousTokenHashes] });
  }

  get accountId(): string {
    return this.state.accountId;
  }

  get status(): SessionStatus {
    return this.state.status;
  }

  get generation(): number {
    return this.state.generation;
  }

  get expiresAt(): Date {
    return this.state.expiresAt;
  }

  /** Whether its tokens may be used at `at`: not revoked and not expired. */
  isActiveAt(at: Date): boolean {
    return this.state.status === 'active' && at.getTime() < this.state.expiresAt.getTime();
  }

  /**
   * Exchanges the presented token (by hash) for the next one. Presenting an older token of the family revokes
   * the whole family and throws `auth.refresh_token_reused`; the caller must still save the session. A revoked
   * or expired family, or a hash this family never issued, throws `auth.invalid_refresh_token`.
   */
  rotate(presentedHash: string, nextHash: string, stamp: Stamp): void {
    if (!this.isActiveAt(stamp.at)) throw AuthErrors.invalidRefreshToken();
    if (presentedHash !== this.state.currentTokenHash) {
      if (!this.state.previousTokenHashes.includes(presentedHash)) throw AuthErrors.invalidRefreshToken();
      this.revoke('reuse_detected', stamp);
      throw AuthErrors.refreshTokenReused();
    }
    this.state.previousTokenHashes.push(this.state.currentTokenHash);
    this.state.currentTokenHash = nextHash;
    this.state.generation += 1;
    this.state.lastUsedAt = stamp.at;
    this.record({
      ...SessionRotatedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { accountId: this.state.accountId, generation: this.state.generation },
    });
  }

  /** Ends the family; revoking a revoked session records nothing. */
  revoke(reason: SessionRevokedReason, stamp: Stamp): void {
    if (this.state.status === 'revoked') return;
    this.state.status = 'revoked';
    this.state.revokedReason = reason;
    this.record({
      ...SessionRevokedEvent,
      id: stamp.eventId,
      occurredAt: stamp.at.toISOString(),
      payload: { accountId: this.state.accountId, reason },
    });
  }

  toSnapshot(): SessionSnapshot {
    return {
      id: this.id,
      version: this.version,
      ...this.state,
      previousTokenHashes: [...this.state.previousTokenHashes],
    };
  }
}
