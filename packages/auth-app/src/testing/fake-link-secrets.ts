import type { LinkSecrets } from '../ports/link-secrets.js';

/** Readable link secrets (`secret-1`, 43 characters padded) with a visible "hash" (`hash(secret-1…)`). */
export class FakeLinkSecrets implements LinkSecrets {
  #count = 0;

  generate(): { secret: string; hash: string } {
    this.#count += 1;
    const secret = `secret-${this.#count}`.padEnd(43, 'x');
    return { secret, hash: this.hashOf(secret) };
  }

  hashOf(secret: string): string {
    return `hash(${secret})`;
  }

  sameHash(a: string, b: string): boolean {
    return a === b;
  }
}
