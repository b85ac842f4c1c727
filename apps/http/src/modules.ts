import { authModule } from '@contextflow/auth-infra';
import type { ContextModule } from '@contextflow/core-infra';
import { failuresModule } from '@contextflow/runtime/operations';
import { usersModule } from '@contextflow/users-infra';

/** The bounded contexts this app serves, in mount order. */
export const modules: readonly ContextModule[] = [usersModule, authModule, failuresModule];
