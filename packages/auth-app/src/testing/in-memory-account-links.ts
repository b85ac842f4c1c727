import type { AccountLink, AccountLinks, LinkPurpose } from '../ports/account-links.js';

/** {@link AccountLinks} over a map, with the same superseding rule as the real one. */
export class InMemoryAccountLinks implements AccountLinks {
  readonly #rows = new Map<string, AccountLink & { readonly createdAt: Date }>();

  async open(link: Parameters<AccountLinks['open']>[0]): Promise<void> {
    await this.supersedeAll(link.accountId, link.purpose, link.createdAt);
    this.#rows.set(link.id, { ...link, tokenHash: null, sentAt: null, usedAt: null, supersededAt: null });
  }

  async countOpenedSince(accountId: string, purpose: LinkPurpose, since: Date): Promise<number> {
    return [...this.#rows.values()].filter(
      (row) => row.accountId === accountId && row.purpose === purpose && row.createdAt >= since,
    ).length;
  }

  async find(id: string): Promise<AccountLink | null> {
    return this.#rows.get(id) ?? null;
  }

  async markSent(id: string, tokenHash: string, at: Date): Promise<void> {
    this.#update(id, { tokenHash, sentAt: at });
  }

  async markUsed(id: string, at: Date): Promise<void> {
    this.#update(id, { usedAt: at });
  }

  async supersedeAll(accountId: string, purpose: LinkPurpose, at: Date): Promise<void> {
    for (const row of this.#rows.values()) {
      if (
        row.accountId === accountId &&
        row.purpose === purpose &&
        row.usedAt === null &&
        row.supersededAt === null
      )
        this.#update(row.id, { supersededAt: at });
    }
  }

  /** Every link, oldest first, for assertions. */
  get all(): readonly AccountLink[] {
    return [...this.#rows.values()];
  }

  #update(id: string, change: Partial<AccountLink>): void {
    const row = this.#rows.get(id);
    if (row !== undefined) this.#rows.set(id, { ...row, ...change });
  }
}
