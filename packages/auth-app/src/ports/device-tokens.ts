import { token } from '@contextflow/core';

/** A device token's record: which account it was issued to, and a stable id for throttling it. */
export interface KnownDevice {
  /** Stable and not secret (derived from the token, never the token itself). */
  readonly id: string;
  readonly accountId: string;
}

/**
 * Device tokens (the OWASP "device cookie"): opaque, long-lived proofs that a browser or app once signed in
 * to an account, so its sign-ins are judged by its own failures and not locked out by strangers' failures
 * against the account. Tokens carry at least 128 random bits; only a hash of each is stored.
 */
export interface DeviceTokens {
  /** The device `token` was issued to, or `null` for a token never issued, revoked or dropped. Never throws for bad input. */
  find(token: string): Promise<KnownDevice | null>;
  /**
   * Issues a new token to the account and returns it (shown to the client once). The account keeps a bounded
   * number of tokens: beyond it, the least recently used are dropped.
   */
  issue(accountId: string): Promise<string>;
  /** Records that the device signed in now, which keeps it among the account's most recently used. */
  used(device: KnownDevice): Promise<void>;
  /** Revokes every token of the account; returns how many it revoked. Safe to repeat. */
  revokeAll(accountId: string): Promise<number>;
}

/** Token of {@link DeviceTokens}. */
export const DeviceTokens = token<DeviceTokens>('auth.DeviceTokens');
