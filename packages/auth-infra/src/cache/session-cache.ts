import type { LiveSession, SessionStatusReader } from '@contextflow/auth-app';
import { token } from '@contextflow/core';
import type { Logger } from '@contextflow/core-infra';
import type { NotificationListener } from '@contextflow/core-infra/db';

/** Where a write to a session or an account says, before it runs, which account's access it changes. */
export interface AccessChanges {
  /** The account's sessions or the account itself are about to change in the current transaction. */
  accountChanging(accountId: string): void;
}

/** Token of {@link AccessChanges}; registered where live sessions are cached (the http app). */
export const AccessChanges = token<AccessChanges>('auth.AccessChanges');

/** What the cache keeps of a live session: the answer, and how long it may give it. */
export interface SessionLookup {
  readonly live: LiveSession;
  /** When the session expires: never answered from the cache at or after it. */
  readonly expiresAt: Date;
}

/** The channel the auth schema's triggers announce changed accounts on (see migration 0002). */
export const ACCESS_CHANNEL = 'cf_auth_access';

/** Options of {@link SessionCache}. */
export interface SessionCacheOptions {
  /** How long an answer is reused at most, even if no change is heard (default 5 s). */
  readonly ttlMs?: number;
  /** Sessions kept at most; the oldest go first (default 10,000). */
  readonly maxEntries?: number;
  readonly logger?: Logger;
}

interface Entry extends SessionLookup {
  readonly until: number;
}

/**
 * How long a write's mark keeps its account out of the cache when no notification clears it (a rolled-back
 * write sends none): far longer than any transaction of this app stays open.
 */
const CHANGING_MS = 60_000;

/**
 * A {@link SessionStatusReader} that remembers live sessions for a few seconds, and forgets them as soon as
 * their account or any of its sessions changes. It hears of changes twice:
 *
 * - from PostgreSQL: a trigger on `auth.sessions` and `auth.accounts` notifies {@link ACCESS_CHANNEL} with the
 *   account id on every update or delete, delivered at commit to every process (another http app, the worker,
 *   an operator's SQL);
 * - from this process's own writes ({@link AccessChanges}), before they run: the account is then "changing",
 *   and nothing about it is cached until a notification about it arrives, which happens only once the write
 *   committed. So a logout answered 204 here is in force for the next request here, notification or not.
 *
 * A lookup that was under way while anything changed is not kept (its snapshot may predate the change). While
 * the listening connection is down, or before it listens, nothing is cached: every request reads the database.
 */
export class SessionCache implements SessionStatusReader, AccessChanges {
  readonly #entries = new Map<string, Entry>();
  readonly #sessionsByAccount = new Map<string, Set<string>>();
  /** Accounts a write of this process is changing, with when it said so (ms, `Date.now()`). */
  readonly #changing = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  /** `off`: not listening yet (or listening failed); `down`: the connection is lost, until it reconnects. */
  #listening: 'off' | 'starting' | 'on' | 'down' = 'off';
  /** Counts every forgetting: a lookup that began in another epoch is not kept. */
  #epoch = 0;

  constructor(
    private readonly source: { lookup(sessionId: string, at: Date): Promise<SessionLookup | null> },
    private readonly notifications: NotificationListener,
    private readonly options: SessionCacheOptions = {},
  ) {
    this.#ttlMs = options.ttlMs ?? 5_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  async find(sessionId: string, at: Date): Promise<LiveSession | null> {
    if (this.#listening === 'off') this.#listen();
    const now = at.getTime();
    const entry = this.#entries.get(sessionId);
    if (entry !== undefined && now < entry.until && now < entry.expiresAt.getTime()) return entry.live;
    const epoch = this.#epoch;
    const found = await this.source.lookup(sessionId, at);
    if (found === null) return null;
    if (this.#listening === 'on' && epoch === this.#epoch && !this.#isChanging(found.live.accountId)) {
      this.#keep(sessionId, { ...found, until: now + this.#ttlMs });
    }
    return found.live;
  }

  accountChanging(accountId: string): void {
    const now = Date.now();
    for (const [account, at] of this.#changing) {
      if (now - at < CHANGING_MS) break;
      this.#changing.delete(account);
    }
    this.#changing.delete(accountId);
    this.#changing.set(accountId, now);
    this.#forgetAccount(accountId);
  }

  /** Sessions cached now (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }

  /** Accounts with a session cached now (for tests): the index never outgrows the cache. */
  get accounts(): number {
    return this.#sessionsByAccount.size;
  }

  /** Whether the session's answer is cached now (for tests). */
  holds(sessionId: string): boolean {
    return this.#entries.has(sessionId);
  }

  #listen(): void {
    this.#listening = 'starting';
    this.notifications
      .listen(ACCESS_CHANNEL, (accountId) => this.#heard(accountId), {
        onDisconnect: () => {
          this.#listening = 'down';
          this.#forgetAll();
        },
        onReconnect: () => {
          this.#forgetAll();
          this.#listening = 'on';
        },
      })
      .then(
        () => {
          if (this.#listening === 'starting') this.#listening = 'on';
        },
        (error: unknown) => {
          this.options.logger?.warn(
            { err: error },
            'session cache cannot listen; sessions are read every time',
          );
          this.#listening = 'off';
        },
      );
  }

  #isChanging(accountId: string): boolean {
    const at = this.#changing.get(accountId);
    return at !== undefined && Date.now() - at < CHANGING_MS;
  }

  #heard(accountId: string): void {
    this.#changing.delete(accountId);
    this.#forgetAccount(accountId);
  }

  #keep(sessionId: string, entry: Entry): void {
    this.#entries.delete(sessionId);
    this.#entries.set(sessionId, entry);
    const sessions = this.#sessionsByAccount.get(entry.live.accountId) ?? new Set<string>();
    this.#sessionsByAccount.set(entry.live.accountId, sessions.add(sessionId));
    if (this.#entries.size <= this.#maxEntries) return;
    const [oldest] = this.#entries.keys();
    if (oldest === undefined) return;
    const evicted = this.#entries.get(oldest);
    this.#entries.delete(oldest);
    if (evicted === undefined) return;
    // An account whose last cached session goes leaves the index too: it holds only what the cache holds.
    const siblings = this.#sessionsByAccount.get(evicted.live.accountId);
    siblings?.delete(oldest);
    if (siblings?.size === 0) this.#sessionsByAccount.delete(evicted.live.accountId);
  }

  #forgetAccount(accountId: string): void {
    this.#epoch += 1;
    for (const sessionId of this.#sessionsByAccount.get(accountId) ?? []) this.#entries.delete(sessionId);
    this.#sessionsByAccount.delete(accountId);
  }

  #forgetAll(): void {
    this.#epoch += 1;
    this.#entries.clear();
    this.#sessionsByAccount.clear();
  }
}
