import { createHash, randomBytes } from 'node:crypto';
import type { GeneratedRefreshToken, RefreshTokens } from '@contextflow/auth-app';

const TOKEN_BYTES = 32;

/**
 * {@link RefreshTokens}: 256 random bits from the operating system's CSPRNG, base64url (43 characters), stored
 * only as their SHA-256 (base64url). A fast hash is enough because the input is random, not chosen by a person.
 */
export class Sha256RefreshTokens implements RefreshTokens {
  generate(): GeneratedRefreshToken {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    return { token, hash: this.hashOf(token) };
  }

  hashOf(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('base64url');
  }
}
