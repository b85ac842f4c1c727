/**
 * Writes items in batches, one write at a time: an item added while no write runs is written at once, and
 * the items added while a write runs are written together by the next one. The promise of `add` resolves
 * once the write holding the item resolved, and rejects with its error.
 */
export function groupCommit<T>(write: (items: readonly T[]) => Promise<void>): (item: T) => Promise<void> {
  let waiting: { items: T[]; written: Promise<void> } | undefined;
  let writing: Promise<void> = Promise.resolve();
  return (item) => {
    if (waiting === undefined) {
      const batch: { items: T[]; written: Promise<void> } = { items: [], written: Promise.resolve() };
      // The batch takes items until the write before it ended, then goes out on its own.
      batch.written = writing.then(() => {
        waiting = undefined;
        return write(batch.items);
      });
      writing = batch.written.catch(() => undefined);
      waiting = batch;
    }
    waiting.items.push(item);
    return waiting.written;
  };
}
