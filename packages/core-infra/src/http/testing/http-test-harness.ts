// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { CommandBus, IdGenerator, type Principal, QueryBus } from '@contextflow/core';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { Clock } from '@contextflow/core';
import { CommandStatusReader } from '../../commands/command-record.js';
import type { Logger } from '../../logger.js';
import { Authenticator } from '../authenticator.js';
import { createHttpApp, type HttpAppOptions } from '../create-http-app.js';
import type { HttpEnv } from '../http-env.js';
import { StaticTokenAuthenticator } from '../static-token-authenticator.js';
import { InMemoryCommandStatusReader } from './in-memory-command-status-reader.js';
import { RecordingCommandBus } from './recording-command-bus.js';
import { type QueryStub, StubQueryBus } from './stub-query-bus.js';

/** What {@link createHttpTestHarness} builds: the app and the fakes behind it. */
export interface HttpTestHarness {
  readonly app: OpenAPIHono<HttpEnv>;
  readonly container: DependencyContainer;
  readonly commandBus: RecordingCommandBus;
  readonly commands: InMemoryCommandStatusReader;
  /** Every log line the app wrote, parsed. */
  readonly logs: Record<string, unknown>[];
}

/**
 * Builds an app around modules with in-memory fakes in a child container: a recording CommandBus, query
 * stubs, an in-memory command status reader, static bearer tokens, sequential ids and a fixed clock.
 */
export function createHttpTestHarness(
  options: Partial<Omit<HttpAppOptions, 'container' | 'logger'>> & {
    readonly tokens?: Readonly<Record<string, Principal>>;
    readonly queries?: Readonly<Record<string, QueryStub>>;
  } = {},
): HttpTestHarness {
  const { tokens = {}, queries = {}, modules = [], ...appOptions } = options;
  const container = rootContainer.createChildContainer();
  const commandBus = new RecordingCommandBus();
  const commands = new InMemoryCommandStatusReader();
  container.registerInstance(CommandBus, commandBus);
  container.registerInstance(QueryBus, new StubQueryBus(queries));
  container.registerInstance(CommandStatusReader, commands);
  container.registerInstance(Authenticator, new StaticTokenAuthenticator(tokens));
  container.registerInstance(IdGenerator, new SequentialIds());
  container.registerInstance(Clock, new FixedClock());
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  for (const module of modules) module.register(container);
  const app = createHttpApp({ ...appOptions, container, modules, logger });
  return { app, container, commandBus, commands, logs };
}
