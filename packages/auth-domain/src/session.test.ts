import { describe, expect, it } from 'vitest';
import { Session } from './session.js';
import type { Stamp } from './stamp.js';

const start = new Date('2026-03-01T12:00:00.000Z');
let n = 0;
const stampAt = (secondsLater = 0): Stamp => ({
  eventId: `event-${++n}`,
  at: new Date(start.getTime() + secondsLater * 1000),
});
const begin = () =>
  Session.start({ id: 'session-1', accountId: 'account-1', tokenHash: 'h1', ttlSeconds: 3600 }, stampAt());
const code = (c: string) => expect.objectContaining({ kind: 'unauthorized', code: c });

describe('Session', () => {
  it('starts active at generation 1 and expires after its lifetime', () => {
    const session = begin();
    expect(session.generation).toBe(1);
    expect(session.isActiveAt(stampAt(3599).at)).toBe(true);
    expect(session.isActiveAt(stampAt(3600).at)).toBe(false);
    expect(session.pendingEvents.map((event) => [event.type, event.payload])).toEqual([
      ['auth.session-started', { accountId: 'account-1' }],
    ]);
  });

  it('rotates the current token into the next one and bumps the generation', () => {
    const session = begin();
    session.rotate('h1', 'h2', stampAt(60));
    expect(session.generation).toBe(2);
    expect(session.toSnapshot()).toEqual(
      expect.objectContaining({
        currentTokenHash: 'h2',
        previousTokenHashes: ['h1'],
        lastUsedAt: stampAt(60).at,
      }),
    );
    expect(session.pendingEvents.at(-1)?.payload).toEqual({ accountId: 'account-1', generation: 2 });
  });

  it('revokes the whole family when an older token is presented, so no token of it works any more', () => {
    const session = begin();
    session.rotate('h1', 'h2', stampAt(60));
    session.rotate('h2', 'h3', stampAt(120));
    expect(() => session.rotate('h1', 'h4', stampAt(180))).toThrow(code('auth.refresh_token_reused'));
    expect(session.status).toBe('revoked');
    expect(session.toSnapshot().revokedReason).toBe('reuse_detected');
    expect(session.pendingEvents.at(-1)).toEqual(
      expect.objectContaining({
        type: 'auth.session-revoked',
        payload: { accountId: 'account-1', reason: 'reuse_detected' },
      }),
    );
    expect(() => session.rotate('h3', 'h5', stampAt(181))).toThrow(code('auth.invalid_refresh_token'));
    expect(() => session.rotate('h2', 'h5', stampAt(181))).toThrow(code('auth.invalid_refresh_token'));
  });

  it('refuses an expired family without revoking it', () => {
    const session = begin();
    expect(() => session.rotate('h1', 'h2', stampAt(3600))).toThrow(code('auth.invalid_refresh_token'));
    expect(session.status).toBe('active');
  });

  it('refuses a hash the family never issued', () => {
    expect(() => begin().rotate('stranger', 'h2', stampAt(1))).toThrow(code('auth.invalid_refresh_token'));
  });

  it('revokes once with its reason and ignores a second revocation', () => {
    const session = begin();
    session.pullEvents();
    session.revoke('logout', stampAt(5));
    session.revoke('account_disabled', stampAt(6));
    expect(session.toSnapshot()).toEqual(
      expect.objectContaining({ status: 'revoked', revokedReason: 'logout' }),
    );
    expect(session.pullEvents()).toHaveLength(1);
    expect(() => session.rotate('h1', 'h2', stampAt(7))).toThrow(code('auth.invalid_refresh_token'));
  });

  it('round-trips through its snapshot without sharing the hash list', () => {
    const session = begin();
    session.rotate('h1', 'h2', stampAt(1));
    const snapshot = session.toSnapshot();
    const restored = Session.restore(snapshot);
    restored.rotate('h2', 'h3', stampAt(2));
    expect(snapshot.previousTokenHashes).toEqual(['h1']);
    expect(restored.toSnapshot().previousTokenHashes).toEqual(['h1', 'h2']);
    expect(restored.version).toBe(snapshot.version + 1);
  });
});
