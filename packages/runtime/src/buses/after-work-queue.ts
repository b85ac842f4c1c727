import type { AfterUnitOfWork, Db } from '@contextflow/core-infra/db';

/**
 * The {@link AfterUnitOfWork} of one unit of work: queues what the unit's work hands it and runs it, in order
 * and on the root handle, once the unit has ended.
 */
export class AfterWorkQueue implements AfterUnitOfWork {
  readonly #queued: ((root: Db) => Promise<void>)[] = [];

  constructor(private readonly root: Db) {}

  async run(work: (root: Db) => Promise<void>): Promise<void> {
    this.#queued.push(work);
  }

  /** Runs everything queued, each even when one before it failed; rejects with the first failure. */
  async drain(): Promise<void> {
    const failures: unknown[] = [];
    for (const work of this.#queued.splice(0)) {
      try {
        await work(this.root);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }
}

/** The {@link AfterUnitOfWork} outside any unit of work: it runs the work at once. */
export function immediateAfterWork(root: Db): AfterUnitOfWork {
  return { run: (work) => work(root) };
}
