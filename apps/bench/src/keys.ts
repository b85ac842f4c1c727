import { generateKeyPairSync } from 'node:crypto';

/** The Ed25519 key of a run: the http app signs with it, the raw baseline verifies with its public half. */
export interface BenchKey {
  readonly kid: string;
  readonly privatePem: string;
  readonly publicJwk: string;
}

/** A fresh signing key. */
export function benchKey(): BenchKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    kid: 'bench',
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk: JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid: 'bench' }),
  };
}
