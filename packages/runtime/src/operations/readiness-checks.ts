import type { ReadinessCheck } from '@contextflow/core-infra';
import type { Kysely } from 'kysely';
import { type MigrationSet, pendingMigrations } from '../database/migrate.js';
import type { MessageTransport } from '../messaging/message-transport.js';

/**
 * A check named `migrations` that passes when no migration of `sets` (and the platform's) is pending. Once it
 * passed it passes for good: this process's code cannot gain migrations, so later probes cost nothing.
 */
export function migrationsReadiness<DB>(db: Kysely<DB>, sets: readonly MigrationSet[]): ReadinessCheck {
  let applied = false;
  return {
    name: 'migrations',
    check: async () => {
      if (applied) return;
      const pending = await pendingMigrations(db, sets);
      if (pending.length > 0) throw new Error(`${pending.length} migration(s) pending`);
      applied = true;
    },
  };
}

/** A check named `broker` that passes while the transport is connected; `undefined` (not started) fails. */
export function brokerReadiness(transport: () => MessageTransport | undefined): ReadinessCheck {
  return {
    name: 'broker',
    check: async () => {
      const current = transport();
      if (current === undefined) throw new Error('the broker connection is not started');
      await current.checkConnected();
    },
  };
}

/**
 * A check named `shutdown` that fails from the moment {@link ShutdownReadiness.begin} is called, so load
 * balancers stop sending work while in-flight requests and messages drain.
 */
export class ShutdownReadiness implements ReadinessCheck {
  readonly name = 'shutdown';
  #shuttingDown = false;

  /** Marks the process as shutting down; readiness fails from now on. */
  begin(): void {
    this.#shuttingDown = true;
  }

  /** Whether {@link begin} was called. */
  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  async check(): Promise<void> {
    if (this.#shuttingDown) throw new Error('shutting down');
  }
}
