import {
  __Agg__,
  type __Agg__Event,
  type __Agg__Repository,
  type __Agg__Snapshot,
  __Ctx__Errors,
} from '@__scope__/__ctx__-domain';

/** A {@link __Agg__Repository} in a map, with the real one's version check; saved events land in {@link published}. */
export class InMemory__Agg__Repository implements __Agg__Repository {
  readonly #items = new Map<string, __Agg__Snapshot>();
  /** Every event handed over by a successful save, oldest first. */
  readonly published: __Agg__Event[] = [];

  /** Stores __ctx__ as if saved long ago, without events: the given state of a test. */
  seed(...items: readonly __Agg__[]): this {
    for (const item of items) this.#items.set(item.id, item.toSnapshot());
    return this;
  }

  async findById(id: string): Promise<__Agg__ | null> {
    const snapshot = this.#items.get(id);
    return snapshot === undefined ? null : __Agg__.restore(snapshot);
  }

  async save(__agg__: __Agg__): Promise<void> {
    if ((this.#items.get(__agg__.id)?.version ?? 0) !== __agg__.persistedVersion)
      throw __Ctx__Errors.concurrentUpdate();
    this.#items.set(__agg__.id, __agg__.toSnapshot());
    this.published.push(...__agg__.pullEvents());
  }

  /** Every stored __agg__: what a read model over the same table sees. */
  snapshots(): __Agg__Snapshot[] {
    return [...this.#items.values()];
  }
}
