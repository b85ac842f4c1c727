import type { ContextModule } from '@contextflow/core-infra';
import { usersModule } from '@contextflow/users-infra';

/**
 * The bounded contexts this worker runs, and whose migrations `migrate` applies. `@contextflow/auth-infra`
 * does not export its module yet; add `authModule` here when it does.
 */
export const modules: readonly ContextModule[] = [usersModule];
