import { defineConfig } from 'vitest/config';

/** Tests of the repository's own tooling (layer rules, toolchain scripts). */
export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts'],
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 60_000,
  },
});
