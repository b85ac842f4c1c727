import { token } from '@contextflow/core';
import type { JwtKeySet } from '../crypto/jwt-keys.js';

/** How many failed sign-ins block a key, and for how long they count. */
export interface ThrottleLimits {
  /** Failures per account (email) within the window; the next attempt, even with the right password, gets 429. */
  readonly accountMaxFailures: number;
  /** Failures per client address within the window (higher: many people share one address behind NAT). */
  readonly addressMaxFailures: number;
  readonly windowSeconds: number;
}

/** The mail settings (`SMTP_URL`, `MAIL_FROM`, `APP_BASE_URL`). */
export interface MailConfig {
  /** The SMTP server (`smtp://host:port`, `smtps://user:pass@host`); absent → emails are logged (not in production). */
  readonly smtpUrl: string | undefined;
  /** The sender of every email. */
  readonly from: string;
  /** The app the links point to: `${appBaseUrl}/verify-email?token=…`, `/reset-password?token=…`. */
  readonly appBaseUrl: string;
}

/**
 * The auth context's configuration, validated by `loadAuthConfig`. It holds secrets (the signing key, the
 * bootstrap password): never log it.
 */
export interface AuthConfig {
  readonly jwt: {
    readonly keys: JwtKeySet;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTokenTtlSeconds: number;
    /** True when no key was configured and one was generated at start-up (development only). */
    readonly generatedKey: boolean;
  };
  readonly refreshTokenTtlSeconds: number;
  readonly throttle: ThrottleLimits;
  /** Registrations one client address may make per hour (sliding window), counted before any hashing. */
  readonly registerMaxPerAddressPerHour: number;
  /**
   * Reverse proxies in front of the app whose `X-Forwarded-For` entries are trusted; 0 = use the socket address
   * (and warn once if `X-Forwarded-For` arrives anyway).
   */
  readonly trustedProxyHops: number;
  /** Where and how emails go, and where their links point. */
  readonly mail: MailConfig;
  /** The account lifecycle's links. */
  readonly links: {
    readonly emailVerificationTtlSeconds: number;
    /** After how long an account still unverified is reminded once (`EMAIL_VERIFICATION_REMINDER_SECONDS`). */
    readonly emailVerificationReminderSeconds: number;
    readonly passwordResetTtlSeconds: number;
    readonly passwordResetMaxPerHour: number;
  };
  /** The first administrator to make sure of at start-up, when configured. */
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | undefined;
}

/** Token of {@link AuthConfig}. */
export const AuthConfig = token<AuthConfig>('auth.AuthConfig');
