// @boundaries-ignore the one shared test configuration lives at the repository root
import shared from '../../vitest.shared.ts';
import { defineConfig, mergeConfig } from 'vitest/config';

/**
 * The shared configuration; in e2e mode, the contract suites run twice, as two projects: `services` (the
 * built http and worker apps on PostgreSQL and RabbitMQ) and `embedded` (`dist/dev.js` alone on PGlite and
 * in-process messaging). Each project tells the harness which one it is through E2E_CONFIG.
 */
export default defineConfig(async (env) => {
  const base = await shared(env);
  if (env.mode !== 'e2e') return base;
  return mergeConfig(base, {
    test: {
      projects: [
        {
          // The newcomer's path is `pnpm dev`, which is the embedded configuration.
          test: {
            name: 'services',
            env: { E2E_CONFIG: 'services' },
            exclude: ['test/quickstart.e2e.test.ts'],
          },
        },
        {
          test: {
            name: 'embedded',
            env: { E2E_CONFIG: 'embedded' },
            // broker-outage stops a RabbitMQ there is none of; docs and api-lint serve the app in-process on a
            // fake platform, the same in both configurations, so one run of each is enough; bootstrap-admin
            // restarts the http app alone, which embedded mode does not have apart from the rest; the input
            // property test and the generated client are about the services configuration (PostgreSQL's text
            // rules, RabbitMQ), and one run of each keeps the suite short; the console's actions redrive RabbitMQ's
            // dead-letter queues.
            exclude: [
              'test/broker-outage.e2e.test.ts',
              'test/docs.e2e.test.ts',
              'test/api-lint.e2e.test.ts',
              'test/input-properties.e2e.test.ts',
              'test/generated-client.e2e.test.ts',
              'test/bootstrap-admin.e2e.test.ts',
              // Operator actions redrive RabbitMQ's dead-letter queues: services only.
              'test/console.e2e.test.ts',
            ],
          },
        },
      ],
    },
  });
});
