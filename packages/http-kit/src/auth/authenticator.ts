import { type Principal, token } from '@contextflow/core';

/** Turns a bearer token into a principal; the auth context provides the real one. */
export interface Authenticator {
  /** The principal the token stands for, or `null` for a token that is invalid, expired or revoked. Never throws for bad tokens. */
  authenticate(bearerToken: string): Promise<Principal | null>;
}

/** Token of {@link Authenticator}. */
export const Authenticator = token<Authenticator>('core-infra.Authenticator');
