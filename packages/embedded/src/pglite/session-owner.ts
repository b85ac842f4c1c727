import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which async flow holds PGlite's only session: the transaction that holds it and everything that runs inside
 * its callback (the flow is carried by an AsyncLocalStorage, set around each transaction of the root handle).
 * The driver refuses a root-handle query from that flow: it would wait for the transaction it runs in.
 */
export class SessionOwner {
  readonly #flows = new AsyncLocalStorage<symbol>();
  #holder: symbol | undefined;

  /** True while running inside the callback of the transaction that holds the session. */
  isHolder(): boolean {
    const flow = this.#flows.getStore();
    return flow !== undefined && flow === this.#holder;
  }

  /**
   * Runs a transaction of the root handle in a flow of its own. One opened from inside the holder stays in the
   * holder's flow, so the driver sees where it comes from and refuses it instead of letting it wait forever.
   */
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
