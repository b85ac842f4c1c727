import { authModule } from '@contextflow/auth-infra';
import { failuresModule } from '@contextflow/runtime/operations';
import { usersModule } from '@contextflow/users-infra';

/** The modules the apps compose, as the broker topology of a run is built from them. */
export const BENCH_MODULES = [usersModule, authModule, failuresModule] as const;
