import type { DomainEvent } from '@contextflow/core';

/** What a creation recorded. */
export interface __Agg__CreatedPayload {
  readonly title: string;
}

/** A __agg__ now exists. */
export type __Agg__CreatedEvent = DomainEvent<'__ctx__.__agg__-created', __Agg__CreatedPayload> & {
  readonly version: 1;
};

/** Wire type and payload version of {@link __Agg__CreatedEvent}: public API, add a v2, never rename. */
export const __Agg__CreatedEvent = Object.freeze({ type: '__ctx__.__agg__-created', version: 1 } as const);
