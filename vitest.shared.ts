import { defineConfig } from 'vitest/config';

/**
 * One test configuration for every package, chosen by `--mode`:
 * `unit` (default) runs `*.test.ts` beside the code; `integration` runs `*.integration.test.ts` against the
 * real PostgreSQL and RabbitMQ; `e2e` runs `test/**\/*.e2e.test.ts` against the built apps; `bench` runs
 * `bench/**\/*.bench.ts` (measurements, never part of `pnpm test`); `faults` runs
 * `test/faults/**\/*.fault.test.ts` (fault injection on private PostgreSQL/RabbitMQ: one file at a time).
 */
export default defineConfig(({ mode }) => {
  const include =
    mode === 'integration'
      ? ['src/**/*.integration.test.ts', 'test/**/*.integration.test.ts']
      : mode === 'e2e'
        ? ['test/**/*.e2e.test.ts']
        : mode === 'bench'
          ? ['bench/**/*.bench.ts']
          : mode === 'faults'
            ? ['test/faults/**/*.fault.test.ts']
            : ['src/**/*.test.ts', 'test/**/*.test.ts'];
  const faults = mode === 'faults';
  const slow = mode === 'integration' || mode === 'e2e' || mode === 'bench' || faults;
  return {
    resolve: { conditions: ['@contextflow/source'] },
    ssr: { resolve: { conditions: ['@contextflow/source'] } },
    test: {
      include,
      exclude: slow ? [] : ['**/*.integration.test.ts', '**/*.e2e.test.ts', '**/*.fault.test.ts'],
      // Private brokers share two cores: fault files run one after another.
      fileParallelism: !faults,
      passWithNoTests: false,
      // Unit tests share no global state, so one worker per file is wasted start-up.
      isolate: slow,
      testTimeout: mode === 'bench' ? 600_000 : faults ? 300_000 : slow ? 60_000 : 5_000,
      // Set-ups start databases, brokers and processes: slow on a loaded 2-core machine, never a measure.
      hookTimeout: slow ? 180_000 : 60_000,
      reporters: process.env.CI ? ['dot'] : ['default'],
    },
  };
});
