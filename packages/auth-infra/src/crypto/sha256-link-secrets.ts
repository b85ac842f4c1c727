import { timingSafeEqual } from 'node:crypto';
import type { LinkSecrets } from '@contextflow/auth-app';
import { newOpaqueToken, opaqueTokenHash } from './opaque-token.js';

/** {@link LinkSecrets} as opaque tokens (`newOpaqueToken`): 256 random bits, stored only as their SHA-256. */
export class Sha256LinkSecrets implements LinkSecrets {
  generate(): { secret: string; hash: string } {
    const { token, hash } = newOpaqueToken();
    return { secret: token, hash };
  }

  hashOf(secret: string): string {
    return opaqueTokenHash(secret);
  }

  sameHash(a: string, b: string): boolean {
    // Hashes of the same kind have the same length; comparing a fixed-size digest of each keeps it constant time
    // even when one side is empty (an unsent link) or malformed.
    const left = Buffer.from(opaqueTokenHash(a));
    const right = Buffer.from(opaqueTokenHash(b));
    return timingSafeEqual(left, right) && a.length > 0;
  }
}
