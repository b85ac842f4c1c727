import type { GeneratedRefreshToken, RefreshTokens } from '../ports/refresh-tokens.js';

/** Readable refresh tokens (`refresh-1`, ...) with a visible "hash" (`hash(refresh-1)`). */
export class FakeRefreshTokens implements RefreshTokens {
  #count = 0;

  generate(): GeneratedRefreshToken {
    this.#count += 1;
    const token = `refresh-${this.#count}`;
    return { token, hash: this.hashOf(token) };
  }

  hashOf(token: string): string {
    return `hash(${token})`;
  }
}
