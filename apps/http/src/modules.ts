import type { ContextModule } from '@contextflow/core-infra';

/**
 * The bounded contexts this app serves, in mount order. Empty for now: `@contextflow/users-infra` does not
 * export `usersModule` yet; add it here (and `authModule` after it) when it does.
 */
export const modules: readonly ContextModule[] = [];
