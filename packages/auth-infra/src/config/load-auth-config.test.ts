import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from './load-auth-config.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const previous = {
  ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }),
  kid: 'k0',
};

describe('loadAuthConfig', () => {
  it('generates a development key with safe defaults when nothing is configured', () => {
    const config = loadAuthConfig({});
    expect(config.jwt).toMatchObject({
      issuer: 'contextflow',
      audience: 'contextflow-api',
      accessTokenTtlSeconds: 900,
      generatedKey: true,
    });
    expect(config.jwt.keys.signing.alg).toBe('EdDSA');
    expect(config).toMatchObject({
      refreshTokenTtlSeconds: 2_592_000,
      throttle: { accountMaxFailures: 5, addressMaxFailures: 50, windowSeconds: 900 },
      registerMaxPerAddressPerHour: 20,
      trustedProxyHops: 0,
      bootstrapAdmin: undefined,
      mail: {
        smtpUrl: undefined,
        from: 'contextflow <no-reply@localhost>',
        appBaseUrl: 'http://localhost:3000',
      },
      links: {
        emailVerificationTtlSeconds: 86_400,
        // The contract's default: the reminder goes half way through the first link's life, while it works.
        emailVerificationReminderSeconds: 43_200,
        passwordResetTtlSeconds: 1800,
        passwordResetMaxPerHour: 3,
      },
    });
  });

  it('refuses to start in production without an SMTP server, naming the variable and not the values', () => {
    const jwt = { JWT_PRIVATE_KEY: pem, JWT_KEY_ID: 'k1' };
    expect(() => loadAuthConfig({ NODE_ENV: 'production', ...jwt })).toThrow(
      /^Invalid configuration: SMTP_URL is required when NODE_ENV=production/,
    );
    expect(() => loadAuthConfig({ SMTP_URL: 'http://mail.example' })).toThrow(
      /SMTP_URL must start with smtp:/,
    );
    expect(
      loadAuthConfig({ SMTP_URL: 'smtp://127.0.0.1:1025', APP_BASE_URL: 'https://app.example' }).mail,
    ).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:1025', appBaseUrl: 'https://app.example' });
  });

  it('refuses to start in production without a signing key, in one clear message', () => {
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(
      /^Invalid configuration: JWT_PRIVATE_KEY is required when NODE_ENV=production/,
    );
  });

  it('reads a PEM key (with literal \\n), its id and the previous public keys', () => {
    const config = loadAuthConfig({
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail.example:587',
      JWT_PRIVATE_KEY: pem.replaceAll('\n', '\\n'),
      JWT_KEY_ID: '2026-03',
      JWT_PREVIOUS_PUBLIC_KEYS: JSON.stringify([previous]),
      JWT_ISSUER: 'https://auth.example',
      ACCESS_TOKEN_TTL_SECONDS: '300',
    });
    expect(config.jwt.generatedKey).toBe(false);
    expect(config.jwt.keys.signing.kid).toBe('2026-03');
    expect(config.jwt.keys.signing.publicKey.export({ format: 'jwk' })).toEqual(
      publicKey.export({ format: 'jwk' }),
    );
    expect(config.jwt.keys.jwks().keys.map((key) => [key.kid, key.alg])).toEqual([
      ['2026-03', 'EdDSA'],
      ['k0', 'ES256'],
    ]);
    expect(config.jwt).toMatchObject({ issuer: 'https://auth.example', accessTokenTtlSeconds: 300 });
  });

  it('reads a private JWK and takes its kid', () => {
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'from-jwk' };
    expect(loadAuthConfig({ JWT_PRIVATE_KEY: JSON.stringify(jwk) }).jwt.keys.signing.kid).toBe('from-jwk');
  });

  it('lists every problem at once without echoing a secret', () => {
    let message = '';
    try {
      loadAuthConfig({
        JWT_PRIVATE_KEY: 'not-a-key-SECRET',
        JWT_PREVIOUS_PUBLIC_KEYS: '{',
        BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com',
        BOOTSTRAP_ADMIN_PASSWORD: 'short',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('JWT_PRIVATE_KEY must be a PKCS8 PEM private key or a private JWK in JSON');
    expect(message).toContain('JWT_PREVIOUS_PUBLIC_KEYS must be a JSON array of public JWKs');
    expect(message).toContain('BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters');
    expect(message).not.toContain('SECRET');
    expect(message).not.toContain('short');
  });

  it('refuses an access-token lifetime above 15 minutes and an RSA key', () => {
    expect(() => loadAuthConfig({ ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(
      'ACCESS_TOKEN_TTL_SECONDS must be between 30 and 900',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadAuthConfig({ JWT_PRIVATE_KEY: rsa.toString(), JWT_KEY_ID: 'r' })).toThrow(
      'JWT_PRIVATE_KEY must be an Ed25519 or P-256 key',
    );
  });

  it('needs both bootstrap variables and normalises the email', () => {
    expect(() => loadAuthConfig({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.com' })).toThrow(
      'BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together',
    );
    const config = loadAuthConfig({
      BOOTSTRAP_ADMIN_EMAIL: ' Admin@Example.com ',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long enough passphrase',
    });
    expect(config.bootstrapAdmin).toEqual({
      email: 'admin@example.com',
      password: 'a long enough passphrase',
    });
  });

  it('reads the throttle limits, the registration limit and the trusted proxy hops', () => {
    const config = loadAuthConfig({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '20',
      LOGIN_FAILURE_WINDOW_SECONDS: '60',
      REGISTER_MAX_PER_ADDRESS_PER_HOUR: '7',
      TRUSTED_PROXY: '1',
    });
    expect(config.throttle).toEqual({ accountMaxFailures: 3, addressMaxFailures: 20, windowSeconds: 60 });
    expect(config.registerMaxPerAddressPerHour).toBe(7);
    expect(config.trustedProxyHops).toBe(1);
    expect(() => loadAuthConfig({ REGISTER_MAX_PER_ADDRESS_PER_HOUR: '0' })).toThrow(
      /REGISTER_MAX_PER_ADDRESS_PER_HOUR must be between 1 and 100000/,
    );
  });
});
