import type { Principal } from '@contextflow/core';
import type { Authenticator } from './authenticator.js';

/**
 * An {@link Authenticator} backed by a fixed token → principal map. For tests, and for running the API before
 * the auth context provides real tokens; never for production.
 */
export class StaticTokenAuthenticator implements Authenticator {
  readonly #principals: ReadonlyMap<string, Principal>;

  constructor(principals: Readonly<Record<string, Principal>> | ReadonlyMap<string, Principal>) {
    this.#principals = principals instanceof Map ? new Map(principals) : new Map(Object.entries(principals));
  }

  async authenticate(bearerToken: string): Promise<Principal | null> {
    return this.#principals.get(bearerToken) ?? null;
  }
}
