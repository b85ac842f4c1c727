import { defineConfig } from 'vitest/config';

/** The registry round trip (`pnpm test:registry`): slow, one file, services and a local registry. */
export default defineConfig({
  test: {
    include: ['scripts/release/**/*.release.ts'],
    root: new URL('../..', import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: process.env.CI ? ['dot'] : ['default'],
  },
});
