import { authModule } from '@contextflow/auth-infra';
import type { ContextModule } from '@contextflow/core-infra';
import { failuresModule } from '@contextflow/runtime/operations';
import { usersModule } from '@contextflow/users-infra';

/** The bounded contexts this worker runs, and whose migrations `migrate` applies. */
export const modules: readonly ContextModule[] = [usersModule, authModule, failuresModule];
