import { token } from '@contextflow/core';

/** Tunables of the auth use cases, read from configuration by the infrastructure. */
export interface AuthSettings {
  /** Lifetime of a refresh-token family, fixed at sign-in; rotation does not extend it. */
  readonly refreshTokenTtlSeconds: number;
}

/** Token of {@link AuthSettings}. */
export const AuthSettings = token<AuthSettings>('auth.AuthSettings');

/** Thirty days: long enough to stay signed in on a personal device, short enough to bound a stolen token. */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = Object.freeze({ refreshTokenTtlSeconds: 30 * 24 * 3600 });
