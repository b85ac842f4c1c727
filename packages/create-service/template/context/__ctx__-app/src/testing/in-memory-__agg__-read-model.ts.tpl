import type { __Agg__View } from '../contracts/__agg__-view.js';
import type { __Agg__ReadModel } from '../ports/__agg__-read-model.js';
import type { InMemory__Agg__Repository } from './in-memory-__agg__-repository.js';

/** A {@link __Agg__ReadModel} over an in-memory repository's state. */
export class InMemory__Agg__ReadModel implements __Agg__ReadModel {
  constructor(readonly repository: InMemory__Agg__Repository) {}

  async get(id: string): Promise<__Agg__View | null> {
    const found = this.repository.snapshots().find((snapshot) => snapshot.id === id);
    if (found === undefined) return null;
    return {
      id: found.id,
      title: found.title,
      createdAt: found.createdAt.toISOString(),
      updatedAt: found.updatedAt.toISOString(),
    };
  }
}
