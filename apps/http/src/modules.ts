import type { ContextModule } from '@contextflow/core-infra';
import { usersModule } from '@contextflow/users-infra';

/** The bounded contexts this app serves, in mount order; add `authModule` here when the auth context lands. */
export const modules: readonly ContextModule[] = [usersModule];
