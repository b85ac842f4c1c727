// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill before anything else
import 'reflect-metadata';
import { createLogger, createRuntime, stopOnSignals } from '@contextflow/core-infra';
import { Authenticator, createHttpApp, StaticTokenAuthenticator } from '@contextflow/core-infra/http';
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
const runtime = await createRuntime({ databaseUrl: env('DATABASE_URL'), modules, logger, poolSize: 10 });
runtime.container.register(Authenticator, {
  useValue: new StaticTokenAuthenticator({ [PROBE_TOKEN]: { userId: 'fault-client', roles: ['user'] } }),
});
const app = createHttpApp({
  container: runtime.container,
  modules,
  logger,
  readiness: runtime.readinessChecks(),
  docs: false,
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
