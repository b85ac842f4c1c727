/**
 * A dependency-injection token typed with what it resolves to. Exported beside its port under the same name,
 * so `UserRepository` is both the interface and its token. Containers accept it as a plain symbol.
 */
export type Token<T> = symbol & { readonly __resolves?: T };

/** Creates a typed token. It is a registered symbol, so two copies of this package agree on it: keep descriptions unique (`users.UserRepository`). */
export function token<T>(description: string): Token<T> {
  return Symbol.for(`contextflow:${description}`);
}
