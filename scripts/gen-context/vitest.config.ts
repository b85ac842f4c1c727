import { defineConfig } from 'vitest/config';

/** The generator's pipeline test (`pnpm test:generator`): a scratch copy of the repository, slow. */
export default defineConfig({
  test: {
    include: ['scripts/gen-context/**/*.pipeline.ts'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 420_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['dot'] : ['default'],
  },
});
