import type { GeneratedRefreshToken, RefreshTokens } from '@contextflow/auth-app';
import { newOpaqueToken, opaqueTokenHash } from './opaque-token.js';

/** {@link RefreshTokens} as opaque tokens (`newOpaqueToken`): 256 random bits, stored only as their SHA-256. */
export class Sha256RefreshTokens implements RefreshTokens {
  generate(): GeneratedRefreshToken {
    return newOpaqueToken();
  }

  hashOf(token: string): string {
    return opaqueTokenHash(token);
  }
}
