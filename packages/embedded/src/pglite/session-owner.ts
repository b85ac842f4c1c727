import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which async flow holds PGlite's only session: the root transaction that began last and everything that runs
 * inside its callback (the flow is carried by an AsyncLocalStorage, set around each root transaction).
 */
export class SessionOwner {
  readonly #flows = new AsyncLocalStorage<symbol>();
  #holder: symbol | undefined;

  /** True while running inside the callback of the transaction that holds the session. */
  isHolder(): boolean {
    const flow = this.#flows.getStore();
    return flow !== undefined && flow === this.#holder;
  }

  /** Runs a root transaction in a flow of its own, or in the current one when it is nested in the holder. */
  runTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.isHolder() ? work() : this.#flows.run(Symbol('transaction'), work);
  }

  /** Marks the current flow as the holder (its transaction has begun). */
  claim(): void {
    this.#holder = this.#flows.getStore();
  }

  /** Nobody holds the session any more. */
  release(): void {
    this.#holder = undefined;
  }
}
