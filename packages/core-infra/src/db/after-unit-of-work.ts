import { token } from '@contextflow/core';
import type { Db } from './db.js';

/**
 * Work that must not share the fate of the current unit of work: a write that has to stay whatever happens to
 * the unit's transaction (a failed sign-in counted by a throttle). Adapters resolve it from their scope.
 */
export interface AfterUnitOfWork {
  /**
   * Runs `work` on the root database handle once the current unit of work has ended — committed or rolled
   * back — or at once outside a unit of work. Inside one it only queues `work` and resolves; the unit's caller
   * then sees `work`'s error, unless the unit failed itself (its own error wins).
   */
  run(work: (root: Db) => Promise<void>): Promise<void>;
}

/** Token of {@link AfterUnitOfWork}. */
export const AfterUnitOfWork = token<AfterUnitOfWork>('core-infra.AfterUnitOfWork');
