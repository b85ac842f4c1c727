import { type AppError, isAppError, isFinal } from '@contextflow/core';
import type { IssuedTokens } from './issued-tokens.js';

/**
 * What the login and refresh handlers return. A refusal is returned, not thrown, because refusing may still
 * change state that must be committed with the sign-in: a token family revoked for reuse. The bus runs an
 * in-process command in one transaction and rolls it back when the handler throws, so a thrown refusal would
 * undo that write. (A failed attempt the throttle counts is written after the unit of work, whatever becomes
 * of it.) Infrastructure faults are still thrown.
 */
export type TokenOutcome<T extends IssuedTokens = IssuedTokens> =
  | { readonly ok: true; readonly tokens: T }
  | { readonly ok: false; readonly error: AppError };

/** Runs a sign-in step and turns a rule's refusal (a final `AppError`) into a refused outcome. */
export async function tokenOutcome<T extends IssuedTokens>(run: () => Promise<T>): Promise<TokenOutcome<T>> {
  try {
    return { ok: true, tokens: await run() };
  } catch (error) {
    if (isAppError(error) && isFinal(error.kind)) return { ok: false, error };
    throw error;
  }
}

/** The tokens of a granted outcome; throws the refusal's `AppError` (what a route does after the commit). */
export function tokensOrThrow<T extends IssuedTokens>(outcome: TokenOutcome<T>): T {
  if (outcome.ok) return outcome.tokens;
  throw outcome.error;
}
