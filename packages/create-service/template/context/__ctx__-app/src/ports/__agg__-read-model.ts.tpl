import { token } from '@contextflow/core';
import type { __Agg__View } from '../contracts/__agg__-view.js';

/** Reads __ctx__ for display, straight from the context's tables (no aggregate loading). */
export interface __Agg__ReadModel {
  /** The __agg__ with this id, or `null` when there is none — also for an id that is not a UUID. */
  get(id: string): Promise<__Agg__View | null>;
}

/** Token of {@link __Agg__ReadModel}. */
export const __Agg__ReadModel = token<__Agg__ReadModel>('__ctx__.__Agg__ReadModel');
