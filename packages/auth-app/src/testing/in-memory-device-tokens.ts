import type { Clock } from '@contextflow/core';
import type { DeviceTokens, KnownDevice } from '../ports/device-tokens.js';

interface Row extends KnownDevice {
  lastUsedAt: number;
}

/** {@link DeviceTokens} in memory: readable tokens (`device-1`, ...), the same cap rule as the real store. */
export class InMemoryDeviceTokens implements DeviceTokens {
  readonly #rows = new Map<string, Row>();
  #count = 0;

  constructor(
    private readonly clock: Clock,
    /** Tokens an account keeps at most. */
    readonly perAccount = 20,
  ) {}

  async find(token: string): Promise<KnownDevice | null> {
    const row = this.#rows.get(token);
    return row === undefined ? null : { id: row.id, accountId: row.accountId };
  }

  async issue(accountId: string): Promise<string> {
    this.#count += 1;
    const token = `device-${this.#count}`;
    this.#rows.set(token, { id: `id(${token})`, accountId, lastUsedAt: this.clock.now().getTime() });
    const kept = this.#of(accountId).sort((a, b) => b[1].lastUsedAt - a[1].lastUsedAt);
    for (const [dropped] of kept.slice(this.perAccount)) this.#rows.delete(dropped);
    return token;
  }

  async used(device: KnownDevice): Promise<void> {
    for (const row of this.#rows.values())
      if (row.id === device.id) row.lastUsedAt = this.clock.now().getTime();
  }

  async revokeAll(accountId: string): Promise<number> {
    const revoked = this.#of(accountId);
    for (const [token] of revoked) this.#rows.delete(token);
    return revoked.length;
  }

  /** Tokens the account holds now (for assertions). */
  tokensOf(accountId: string): string[] {
    return this.#of(accountId).map(([token]) => token);
  }

  #of(accountId: string): [string, Row][] {
    return [...this.#rows].filter(([, row]) => row.accountId === accountId);
  }
}
