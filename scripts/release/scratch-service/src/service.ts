// A service of another team, as the README's "Use the packages in your service" describes it: the users and
// auth contexts from the registry, composed into its own Hono app and its own container.
import 'reflect-metadata';
import { authModule } from '@contextflow/auth-infra';
import { token } from '@contextflow/core';
import { type ContextModule, createLogger } from '@contextflow/core-infra';
import { docsRoutes } from '@contextflow/http-docs';
import { createHttpApp } from '@contextflow/http-kit';
import { createRuntime, postgresDatabase, rabbitMqTransport } from '@contextflow/runtime';
import { usersModule } from '@contextflow/users-infra';
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';

/** Something of the service's own, registered beside the contexts. */
const Greeting = token<string>('service.Greeting');

/** Where the service runs. */
export interface ServiceOptions {
  readonly databaseUrl: string;
  readonly amqpUrl: string;
  readonly namespace: string;
}

/** The modules this service composes. */
export const modules: readonly ContextModule[] = [usersModule, authModule];

/** Starts the runtime (migrations, consumers, outbox relay) and the HTTP server on a free loopback port. */
export async function startService(options: ServiceOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const logger = createLogger({ level: 'warn' });
  const runtime = await createRuntime({
    database: postgresDatabase({ url: options.databaseUrl }),
    transport: rabbitMqTransport({ url: options.amqpUrl }),
    namespace: options.namespace,
    modules,
    logger,
  });
  await runtime.migrate();
  await runtime.startWorker();
  await runtime.startRelay();
  runtime.container.register(Greeting, { useValue: 'hello from the service' });

  const app = new OpenAPIHono();
  app.get('/hello', (c) => c.text(runtime.container.resolve<string>(Greeting)));
  app.route('/', createHttpApp({ container: runtime.container, modules, logger, docs: docsRoutes }));

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.stop();
    },
  };
}
