import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * sha256 (hex) of a command's type and canonical payload: equal for the same request sent twice, whatever
 * the key order, so a replay under an idempotency key can be told from a different body.
 */
export function requestHash(type: string, payload: unknown): string {
  return createHash('sha256').update(type).update('\n').update(canonicalJson(payload)).digest('hex');
}
