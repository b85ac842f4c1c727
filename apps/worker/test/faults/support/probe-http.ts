// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger } from '@contextflow/core-infra';
import { Authenticator, createHttpApp, StaticTokenAuthenticator } from '@contextflow/http-kit';
import { createRuntime, postgresDatabase, stopOnSignals } from '@contextflow/runtime';
import { serve } from '@hono/node-server';
import { PROBE_TOKEN, probeModule } from './probe-module.ts';

// The HTTP process of the fault suite (run by Node itself, on the built packages): the probe context's
// `POST /probe` on PORT, against DATABASE_URL. Like the HTTP app it never touches the broker: the workers'
// relays publish what it accepts.
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info', name: 'probe-http' });
const modules = [probeModule('http')];
const runtime = await createRuntime({
  database: postgresDatabase({ url: env('DATABASE_URL'), poolSize: 10 }),
  modules,
  logger,
});
runtime.container.register(Authenticator, {
  useValue: new StaticTokenAuthenticator({ [PROBE_TOKEN]: { userId: 'fault-client', roles: ['user'] } }),
});
const app = createHttpApp({
  container: runtime.container,
  modules,
  logger,
  readiness: runtime.readinessChecks(),
});
const server = serve({ fetch: app.fetch, port: Number(env('PORT')), hostname: '127.0.0.1' });
server.once('listening', () => logger.info('listening'));
stopOnSignals({
  runtime,
  logger,
  deadlineMs: 5_000,
  draining: 'in-flight requests',
  before: () => new Promise((resolve) => server.close(() => resolve())),
});
