import { token } from '@contextflow/core';
import type { __Agg__ } from './__agg__.js';

/**
 * Stores {@link __Agg__} aggregates. Adapters run inside the transaction of the command being handled, so the
 * state, the outbox rows and the read model change together or not at all.
 */
export interface __Agg__Repository {
  /** The __agg__ with this id, or `null` when there is none — also for an id that is not a UUID. */
  findById(id: string): Promise<__Agg__ | null>;
  /**
   * Inserts a new __agg__ (`persistedVersion` 0) or updates one whose stored version equals
   * `persistedVersion`; otherwise throws concurrency `__ctx__.concurrent_update`. In the same transaction it
   * takes `pullEvents()` and appends them to the outbox.
   */
  save(__agg__: __Agg__): Promise<void>;
}

/** Token of {@link __Agg__Repository}. */
export const __Agg__Repository = token<__Agg__Repository>('__ctx__.__Agg__Repository');
