import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** The decoded parts of a compact JWS, as an attacker sees them. */
export interface JwtParts {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  /** The third segment, base64url, untouched. */
  readonly signature: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (segment: string) =>
  JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Tools to build the access tokens an attacker would try (node:crypto only): read a real token, change its
 * header or claims while keeping the original signature, or sign claims with a key or secret of one's own.
 */
export const jwtForgery = Object.freeze({
  /** Splits a compact JWS into its decoded header and payload and the raw signature. */
  parse(token: string): JwtParts {
    const [header = '', payload = '', signature = ''] = token.split('.');
    return { header: decode(header), payload: decode(payload), signature };
  },

  /** The same token with header and/or claims changed, still carrying the original (now wrong) signature. */
  tamper(
    token: string,
    changes: { header?: Record<string, unknown>; payload?: Record<string, unknown> },
  ): string {
    const parts = jwtForgery.parse(token);
    const header = encode({ ...parts.header, ...changes.header });
    const payload = encode({ ...parts.payload, ...changes.payload });
    return `${header}.${payload}.${parts.signature}`;
  },

  /** An unsigned token (`alg: none`, empty signature). */
  unsigned(header: Record<string, unknown>, payload: Record<string, unknown>): string {
    return `${encode({ ...header, alg: 'none' })}.${encode(payload)}.`;
  },

  /** A token signed with HMAC-SHA256 under `secret` (the algorithm-confusion attack uses a public key here). */
  hs256(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | Buffer): string {
    const input = `${encode({ ...header, alg: 'HS256' })}.${encode(payload)}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  },

  /** A token signed EdDSA with `privateKey` (an Ed25519 key the server has never seen). */
  eddsa(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
    const input = `${encode({ ...header, alg: 'EdDSA' })}.${encode(payload)}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  },

  /** A fresh Ed25519 private key. */
  freshKey(): KeyObject {
    return generateKeyPairSync('ed25519').privateKey;
  },
});
