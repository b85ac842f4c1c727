// The OpenAPI document of the composed API (users + auth modules on the platform routes), built from the
// packages' dist/ with a fake platform: no database, no broker, no app package.
import 'reflect-metadata';
import { createAuthModule, loadAuthConfig } from '@contextflow/auth-infra';
import { CommandBus, QueryBus } from '@contextflow/core';
import { createLogger } from '@contextflow/core-infra';
import { CONTEXTFLOW_API_INFO, createHttpApp } from '@contextflow/http-kit';
import { usersModule } from '@contextflow/users-infra';
import { container } from 'tsyringe';

const unused = async () => {
  throw new Error('the document generator handles no request');
};

/** Builds the app around a container holding only inert buses and returns its `/openapi.json`. */
export async function composedDocument() {
  const child = container.createChildContainer();
  child.registerInstance(CommandBus, { send: unused, execute: unused });
  child.registerInstance(QueryBus, { ask: unused });
  const modules = [usersModule, createAuthModule(loadAuthConfig({}))];
  const app = createHttpApp({
    container: child,
    modules,
    logger: createLogger({ level: 'silent' }),
    info: CONTEXTFLOW_API_INFO,
  });
  const response = await app.request('/openapi.json');
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  return response.json();
}
