import { token } from '@contextflow/core';

/** Tunables of the auth use cases, read from configuration by the infrastructure. */
export interface AuthSettings {
  /** Lifetime of a refresh-token family, fixed at sign-in; rotation does not extend it. */
  readonly refreshTokenTtlSeconds: number;
  /** Where the links in emails point: `${appBaseUrl}/verify-email?token=…`, `/reset-password?token=…`. */
  readonly appBaseUrl: string;
  /** How long a verification link works. */
  readonly emailVerificationTtlSeconds: number;
  /** How long a password-reset link works. */
  readonly passwordResetTtlSeconds: number;
  /** Password-reset emails one account gets per hour at most; further requests send nothing. */
  readonly passwordResetMaxPerHour: number;
}

/** Token of {@link AuthSettings}. */
export const AuthSettings = token<AuthSettings>('auth.AuthSettings');

/**
 * Thirty days of refresh: long enough to stay signed in on a personal device, short enough to bound a stolen
 * token. A verification link lasts a day, a reset link half an hour, three reset emails an hour.
 */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = Object.freeze({
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  appBaseUrl: 'http://localhost:3000',
  emailVerificationTtlSeconds: 86_400,
  passwordResetTtlSeconds: 1800,
  passwordResetMaxPerHour: 3,
});
