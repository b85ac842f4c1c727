import { preparePassword } from '@contextflow/auth-app';
import { isAppError } from '@contextflow/core';
import { ConfigError, optionalText, optionalUrl, wholeNumber } from '@contextflow/core-infra/config';
import { z } from 'zod';
import {
  generateDevelopmentKey,
  JwtKeySet,
  type SigningKey,
  signingKeyFrom,
  type VerificationKey,
  verificationKeyFrom,
} from '../crypto/jwt-keys.js';
import type { AuthConfig } from './auth-config.js';

const schema = z.object({
  NODE_ENV: optionalText,
  JWT_PRIVATE_KEY: optionalText,
  JWT_KEY_ID: optionalText,
  JWT_PREVIOUS_PUBLIC_KEYS: optionalText,
  JWT_ISSUER: optionalText.transform((value) => value ?? 'contextflow'),
  JWT_AUDIENCE: optionalText.transform((value) => value ?? 'contextflow-api'),
  ACCESS_TOKEN_TTL_SECONDS: wholeNumber(900, 30, 900),
  REFRESH_TOKEN_TTL_SECONDS: wholeNumber(30 * 24 * 3600, 300, 365 * 24 * 3600),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: wholeNumber(5, 1, 1000),
  LOGIN_MAX_FAILURES_PER_ADDRESS: wholeNumber(50, 1, 100_000),
  LOGIN_FAILURE_WINDOW_SECONDS: wholeNumber(900, 1, 86_400),
  REGISTER_MAX_PER_ADDRESS_PER_HOUR: wholeNumber(20, 1, 100_000),
  TRUSTED_PROXY: wholeNumber(0, 0, 10),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: optionalText.transform((value) => value ?? 'contextflow <no-reply@localhost>'),
  APP_BASE_URL: optionalUrl(['http:', 'https:']).transform((value) => value ?? 'http://localhost:3000'),
  EMAIL_VERIFICATION_TTL_SECONDS: wholeNumber(86_400, 60, 30 * 86_400),
  EMAIL_VERIFICATION_REMINDER_SECONDS: wholeNumber(43_200, 60, 30 * 86_400),
  PASSWORD_RESET_TTL_SECONDS: wholeNumber(1800, 60, 86_400),
  PASSWORD_RESET_MAX_PER_HOUR: wholeNumber(3, 1, 100),
  BOOTSTRAP_ADMIN_EMAIL: optionalText,
  BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
});
type Env = z.infer<typeof schema>;

function signingKey(env: Env, problems: string[]): SigningKey | undefined {
  if (env.JWT_PRIVATE_KEY === undefined) {
    if (env.NODE_ENV === 'production') {
      problems.push(
        'JWT_PRIVATE_KEY is required when NODE_ENV=production (an Ed25519 or P-256 private key, PKCS8 PEM or JWK), with JWT_KEY_ID',
      );
    }
    return undefined;
  }
  try {
    return signingKeyFrom(env.JWT_PRIVATE_KEY, env.JWT_KEY_ID);
  } catch (error) {
    problems.push(`JWT_PRIVATE_KEY ${(error as Error).message}`);
    return undefined;
  }
}

function previousKeys(raw: string | undefined, problems: string[]): VerificationKey[] {
  if (raw === undefined) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) throw new Error('must be a JSON array of public JWKs');
    return list.map((jwk) => verificationKeyFrom(jwk as Parameters<typeof verificationKeyFrom>[0]));
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? 'must be a JSON array of public JWKs' : (error as Error).message;
    problems.push(`JWT_PREVIOUS_PUBLIC_KEYS ${reason}`);
    return [];
  }
}

function bootstrapAdmin(env: Env, problems: string[]): AuthConfig['bootstrapAdmin'] {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = env;
  if (email === undefined && (password === undefined || password === '')) return undefined;
  if (email === undefined || password === undefined || password === '') {
    problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
    return undefined;
  }
  try {
    return { email: preparePassword({ email, password }).email, password };
  } catch (error) {
    // The rule's message names what is wrong without repeating the value.
    const issue = isAppError(error) ? error.issues[0] : undefined;
    const variable = issue?.pointer === '/email' ? 'BOOTSTRAP_ADMIN_EMAIL' : 'BOOTSTRAP_ADMIN_PASSWORD';
    problems.push(`${variable} ${issue?.message ?? 'is not valid'}`);
    return undefined;
  }
}

/**
 * Reads and validates the auth context's configuration (see the README for every variable). Without
 * `JWT_PRIVATE_KEY` outside production it generates a signing key (`jwt.generatedKey`; the module logs a
 * warning); in production it refuses. Throws one {@link ConfigError} listing every problem, never a value.
 */
export function loadAuthConfig(env: Readonly<Record<string, string | undefined>> = process.env): AuthConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const c = parsed.data;
  const problems: string[] = [];
  const configured = signingKey(c, problems);
  const previous = previousKeys(c.JWT_PREVIOUS_PUBLIC_KEYS, problems);
  const admin = bootstrapAdmin(c, problems);
  if (c.SMTP_URL === undefined && c.NODE_ENV === 'production') {
    problems.push(
      'SMTP_URL is required when NODE_ENV=production (smtp://host:port or smtps://user:password@host): account emails would only be logged',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    jwt: {
      keys: new JwtKeySet(configured ?? generateDevelopmentKey(), previous),
      issuer: c.JWT_ISSUER,
      audience: c.JWT_AUDIENCE,
      accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
      generatedKey: configured === undefined,
    },
    refreshTokenTtlSeconds: c.REFRESH_TOKEN_TTL_SECONDS,
    throttle: {
      accountMaxFailures: c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      addressMaxFailures: c.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: c.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    registerMaxPerAddressPerHour: c.REGISTER_MAX_PER_ADDRESS_PER_HOUR,
    trustedProxyHops: c.TRUSTED_PROXY,
    mail: { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM, appBaseUrl: c.APP_BASE_URL },
    links: {
      emailVerificationTtlSeconds: c.EMAIL_VERIFICATION_TTL_SECONDS,
      emailVerificationReminderSeconds: c.EMAIL_VERIFICATION_REMINDER_SECONDS,
      passwordResetTtlSeconds: c.PASSWORD_RESET_TTL_SECONDS,
      passwordResetMaxPerHour: c.PASSWORD_RESET_MAX_PER_HOUR,
    },
    bootstrapAdmin: admin,
  };
}
