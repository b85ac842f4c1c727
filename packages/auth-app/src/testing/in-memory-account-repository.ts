import {
  Account,
  type AccountEvent,
  type AccountRepository,
  type AccountSnapshot,
  AuthErrors,
  type Email,
} from '@contextflow/auth-domain';

/** An {@link AccountRepository} over a map of snapshots, with the same version and email rules as the real one. */
export class InMemoryAccountRepository implements AccountRepository {
  readonly #rows = new Map<string, AccountSnapshot>();
  /** Every event saved, oldest first: what the real repository would have put in the outbox. */
  readonly published: AccountEvent[] = [];

  async findById(id: string): Promise<Account | null> {
    const row = this.#rows.get(id);
    return row === undefined ? null : Account.restore(row);
  }

  async findByEmail(email: Email): Promise<Account | null> {
    const row = [...this.#rows.values()].find((candidate) => candidate.email === email.value);
    return row === undefined ? null : Account.restore(row);
  }

  async save(account: Account): Promise<void> {
    const stored = this.#rows.get(account.id);
    if ((stored?.version ?? 0) !== account.persistedVersion) throw AuthErrors.concurrentUpdate();
    const owner = [...this.#rows.values()].find((row) => row.email === account.email.value);
    if (owner !== undefined && owner.id !== account.id) throw AuthErrors.emailTaken();
    this.#rows.set(account.id, account.toSnapshot());
    this.published.push(...account.pullEvents());
  }

  /** Stores accounts as given state, as if saved long ago: no version check, no events published. */
  seed(...accounts: Account[]): void {
    for (const account of accounts) this.#rows.set(account.id, account.toSnapshot());
  }

  /** The stored snapshot, for assertions; `undefined` when absent. */
  snapshotOf(id: string): AccountSnapshot | undefined {
    return this.#rows.get(id);
  }
}
