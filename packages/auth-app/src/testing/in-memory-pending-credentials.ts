import type { PendingCredentials } from '../ports/pending-credentials.js';

/** {@link PendingCredentials} over a map (no expiry window). */
export class InMemoryPendingCredentials implements PendingCredentials {
  readonly #hashes = new Map<string, string>();

  async put(accountId: string, passwordHash: string): Promise<void> {
    this.#hashes.set(accountId, passwordHash);
  }

  async take(accountId: string): Promise<string | null> {
    const hash = this.#hashes.get(accountId) ?? null;
    this.#hashes.delete(accountId);
    return hash;
  }

  /** Account ids with a hash waiting (for assertions). */
  get waiting(): string[] {
    return [...this.#hashes.keys()];
  }
}
