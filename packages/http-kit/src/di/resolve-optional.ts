import type { Token } from '@contextflow/core';
import type { DependencyContainer } from 'tsyringe';

/** Resolves a token when the container (or an ancestor) has it registered, otherwise returns `fallback`. */
export function resolveOptional<T, F>(container: DependencyContainer, token: Token<T>, fallback: F): T | F {
  return container.isRegistered(token, true) ? container.resolve<T>(token) : fallback;
}
