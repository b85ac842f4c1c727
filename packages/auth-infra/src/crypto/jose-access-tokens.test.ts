import { createHmac, generateKeyPairSync } from 'node:crypto';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JoseAccessTokenIssuer } from './jose-access-token-issuer.js';
import { JoseAccessTokenVerifier } from './jose-access-token-verifier.js';
import { generateDevelopmentKey, JwtKeySet, type SigningKey } from './jwt-keys.js';

const options = { issuer: 'https://auth.example', audience: 'example-api', ttlSeconds: 600 };
const claims = { accountId: 'acc-1', sessionId: 'ses-1', roles: ['user'] as const };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function setUp(keys = new JwtKeySet(generateDevelopmentKey())) {
  const clock = new FixedClock('2026-03-01T12:00:00.000Z');
  const issuer = new JoseAccessTokenIssuer(keys, options, clock, new SequentialIds());
  const verifier = new JoseAccessTokenVerifier(keys, options, clock);
  return { keys, clock, issuer, verifier };
}

function p256Key(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg: 'ES256', privateKey, publicKey };
}

describe('JoseAccessTokenIssuer and JoseAccessTokenVerifier', () => {
  it('issue a token that verifies back to its claims', async () => {
    const { issuer, verifier } = setUp();
    const issued = await issuer.issue({ ...claims, roles: ['user', 'admin'] });
    expect(issued.expiresIn).toBe(600);
    expect(await verifier.verify(issued.token)).toEqual({ ...claims, roles: ['user', 'admin'] });
  });

  it('put kid, typ at+jwt and the standard claims into the token', async () => {
    const { keys, issuer } = setUp();
    const [header, payload] = (await issuer.issue(claims)).token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      kid: keys.signing.kid,
      typ: 'at+jwt',
    });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({
      iss: options.issuer,
      aud: options.audience,
      sub: 'acc-1',
      sid: 'ses-1',
      roles: ['user'],
      iat: 1772366400,
      exp: 1772366400 + 600,
      jti: expect.any(String),
    });
  });

  it('sign with ES256 when the key is a P-256 key', async () => {
    const { issuer, verifier } = setUp(new JwtKeySet(p256Key('p256')));
    const { token } = await issuer.issue(claims);
    expect(token.split('.')[0]).toBe(b64({ alg: 'ES256', kid: 'p256', typ: 'at+jwt' }));
    expect(await verifier.verify(token)).toEqual(claims);
  });

  it('reject an expired token', async () => {
    const { clock, issuer, verifier } = setUp();
    const { token } = await issuer.issue(claims);
    clock.advance(599_000);
    expect(await verifier.verify(token)).not.toBeNull();
    clock.advance(1_000);
    expect(await verifier.verify(token)).toBeNull();
  });

  it('remember a verified token until its exp, and only that exact token', async () => {
    const { clock, issuer, verifier } = setUp();
    const { token } = await issuer.issue(claims);
    expect(await verifier.verify(token)).toEqual(claims);
    const [header, payload, signature = ''] = token.split('.');
    // A character in the middle: all six of its bits are signature (the last one's low bits are padding).
    const middle = signature.length >> 1;
    const flipped = `${header}.${payload}.${signature.slice(0, middle)}${signature[middle] === 'A' ? 'B' : 'A'}${signature.slice(middle + 1)}`;
    expect(await verifier.verify(flipped)).toBeNull();
    const otherClaims = b64({
      ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
      roles: ['admin'],
    });
    expect(await verifier.verify(`${header}.${otherClaims}.${signature}`)).toBeNull();
    clock.advance(599_999);
    expect(await verifier.verify(token)).toEqual(claims);
    clock.advance(1);
    expect(await verifier.verify(token)).toBeNull();
    expect(await verifier.verify(token)).toBeNull();
  });

  it('reject a token for another audience or from another issuer', async () => {
    const { keys, clock, verifier } = setUp();
    const ids = new SequentialIds();
    const otherAudience = new JoseAccessTokenIssuer(keys, { ...options, audience: 'other-api' }, clock, ids);
    const otherIssuer = new JoseAccessTokenIssuer(keys, { ...options, issuer: 'https://evil' }, clock, ids);
    expect(await verifier.verify((await otherAudience.issue(claims)).token)).toBeNull();
    expect(await verifier.verify((await otherIssuer.issue(claims)).token)).toBeNull();
  });

  it('reject a tampered payload', async () => {
    const { issuer, verifier } = setUp();
    const [header, payload, signature] = (await issuer.issue(claims)).token.split('.');
    const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = b64({ ...decoded, roles: ['user', 'admin'] });
    expect(await verifier.verify(`${header}.${forged}.${signature}`)).toBeNull();
  });

  it('reject an unsigned token (alg none)', async () => {
    const { keys, issuer, verifier } = setUp();
    const payload = (await issuer.issue(claims)).token.split('.')[1];
    const header = b64({ alg: 'none', kid: keys.signing.kid, typ: 'at+jwt' });
    expect(await verifier.verify(`${header}.${payload}.`)).toBeNull();
  });

  it('reject an HS256 token whose secret is the public key (algorithm confusion)', async () => {
    const { keys, issuer, verifier } = setUp();
    const payload = (await issuer.issue(claims)).token.split('.')[1];
    const header = b64({ alg: 'HS256', kid: keys.signing.kid, typ: 'at+jwt' });
    for (const secret of [
      keys.signing.publicKey.export({ format: 'pem', type: 'spki' }),
      keys.signing.publicKey.export({ format: 'der', type: 'spki' }),
      Buffer.from(JSON.stringify(keys.jwks().keys[0])),
    ]) {
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      expect(await verifier.verify(`${header}.${payload}.${signature}`)).toBeNull();
    }
  });

  it('reject a token naming an unknown kid, or signed by another key under a known kid', async () => {
    const { keys, verifier } = setUp();
    const stranger = generateDevelopmentKey();
    const sign = (kid: string) =>
      new SignJWT({ sid: 'ses-1', roles: ['admin'] })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject('acc-1')
        .setIssuedAt(1772366400)
        .setExpirationTime(1772366400 + 600)
        .setJti('j')
        .sign(stranger.privateKey);
    expect(await verifier.verify(await sign(stranger.kid))).toBeNull();
    expect(await verifier.verify(await sign(keys.signing.kid))).toBeNull();
  });

  it('reject a JWT that is not an access token (typ) or lacks the session claim', async () => {
    const { keys, verifier } = setUp();
    const base = () =>
      new SignJWT({ sid: 'ses-1', roles: ['user'] })
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setSubject('acc-1')
        .setIssuedAt(1772366400)
        .setExpirationTime(1772366400 + 600)
        .setJti('j');
    const idToken = await base()
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.signing.kid, typ: 'JWT' })
      .sign(keys.signing.privateKey);
    const noSession = await new SignJWT({ roles: ['user'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: keys.signing.kid, typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject('acc-1')
      .setIssuedAt(1772366400)
      .setExpirationTime(1772366400 + 600)
      .setJti('j')
      .sign(keys.signing.privateKey);
    expect(await verifier.verify(idToken)).toBeNull();
    expect(await verifier.verify(noSession)).toBeNull();
  });

  it('reject garbage without throwing', async () => {
    const { verifier } = setUp();
    for (const junk of ['', 'a.b.c', 'not a jwt', `${'x'.repeat(5000)}.y.z`]) {
      expect(await verifier.verify(junk)).toBeNull();
    }
  });

  it('keep verifying tokens of a previous key after a rotation, and publish both public keys', async () => {
    const old = setUp();
    const token = (await old.issuer.issue(claims)).token;
    const previous = {
      kid: old.keys.signing.kid,
      alg: old.keys.signing.alg,
      publicKey: old.keys.signing.publicKey,
    };
    const rotated = setUp(new JwtKeySet(p256Key('new-key'), [previous]));
    expect(await rotated.verifier.verify(token)).toEqual(claims);
    const jwks = rotated.keys.jwks();
    expect(jwks.keys.map((key) => key.kid)).toEqual(['new-key', old.keys.signing.kid]);
    for (const key of jwks.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).toMatchObject({ use: 'sig' });
    }
  });
});
