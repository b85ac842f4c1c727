import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/** The JWS algorithms access tokens may be signed with. */
export type JwtAlgorithm = 'EdDSA' | 'ES256';

/** A public key that verifies tokens whose header names its `kid`. */
export interface VerificationKey {
  readonly kid: string;
  readonly alg: JwtAlgorithm;
  readonly publicKey: KeyObject;
}

/** The key new access tokens are signed with, and its public half. */
export interface SigningKey extends VerificationKey {
  readonly privateKey: KeyObject;
}

/** A public signing key in JWK form (RFC 7517/8037): no private member. */
export interface PublicJwk {
  readonly kty: string;
  readonly crv: string;
  readonly x: string;
  readonly y?: string;
  readonly kid: string;
  readonly alg: JwtAlgorithm;
  readonly use: 'sig';
}

/** A JSON Web Key Set, as `/.well-known/jwks.json` serves it. */
export interface JsonWebKeySet {
  readonly keys: PublicJwk[];
}

/** The algorithm a key pins: Ed25519 → EdDSA, P-256 → ES256; anything else is refused. */
export function algorithmOf(key: KeyObject): JwtAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('must be an Ed25519 or P-256 key');
}

/**
 * Reads the signing key from a PKCS8 PEM (literal `\n` accepted, as env files write it) or a private JWK in
 * JSON; `kid` defaults to the JWK's own. Throws an Error saying what is wrong, never echoing the key.
 */
export function signingKeyFrom(material: string, kid?: string): SigningKey {
  const text = material.trim();
  let privateKey: KeyObject;
  let jwkKid: unknown;
  try {
    if (text.startsWith('{')) {
      const jwk = JSON.parse(text) as JsonWebKey & { kid?: unknown };
      jwkKid = jwk.kid;
      privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    } else {
      privateKey = createPrivateKey({ key: text.replaceAll('\\n', '\n'), format: 'pem' });
    }
  } catch {
    throw new Error('must be a PKCS8 PEM private key or a private JWK in JSON');
  }
  const id = kid ?? (typeof jwkKid === 'string' ? jwkKid : undefined);
  if (id === undefined || id === '') throw new Error('needs a key id (JWT_KEY_ID, or "kid" in the JWK)');
  return { kid: id, alg: algorithmOf(privateKey), privateKey, publicKey: createPublicKey(privateKey) };
}

/** Reads one public JWK (with its `kid`) that still verifies tokens after a rotation. */
export function verificationKeyFrom(jwk: JsonWebKey & { kid?: unknown }): VerificationKey {
  if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new Error('every key needs a "kid"');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new Error(`key "${jwk.kid}" is not a valid JWK`);
  }
  return { kid: jwk.kid, alg: algorithmOf(publicKey), publicKey };
}

/** A fresh Ed25519 key for development, when no key is configured. */
export function generateDevelopmentKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid: `dev-${randomBytes(6).toString('hex')}`, alg: 'EdDSA', privateKey, publicKey };
}

/** The signing key and the keys that verify (the signing key first, then the previous ones). */
export class JwtKeySet {
  readonly #byKid: ReadonlyMap<string, VerificationKey>;

  constructor(
    readonly signing: SigningKey,
    previous: readonly VerificationKey[] = [],
  ) {
    const byKid = new Map<string, VerificationKey>([[signing.kid, signing]]);
    for (const key of previous) if (!byKid.has(key.kid)) byKid.set(key.kid, key);
    this.#byKid = byKid;
  }

  /** The key with this id, or `undefined` (a token from an unknown or retired key). */
  find(kid: string | undefined): VerificationKey | undefined {
    return kid === undefined ? undefined : this.#byKid.get(kid);
  }

  /** Every algorithm some verifying key pins. */
  get algorithms(): JwtAlgorithm[] {
    return [...new Set([...this.#byKid.values()].map((key) => key.alg))];
  }

  /** The public keys as a JWK set: only public members, each with `kid`, `alg` and `use: "sig"`. */
  jwks(): JsonWebKeySet {
    const keys = [...this.#byKid.values()].map((key) => {
      const { kty = '', crv = '', x = '', y } = key.publicKey.export({ format: 'jwk' });
      return {
        kty,
        crv,
        x,
        ...(y === undefined ? {} : { y }),
        kid: key.kid,
        alg: key.alg,
        use: 'sig' as const,
      };
    });
    return { keys };
  }
}
