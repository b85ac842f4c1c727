// oxlint-disable-next-line import/no-unassigned-import -- tsyringe needs the Reflect polyfill loaded first
import 'reflect-metadata';
import { Clock, CommandBus, IdGenerator, type Principal, QueryBus } from '@contextflow/core';
import { CommandStatusReader, createLogger, type HttpEnv, type Logger } from '@contextflow/core-infra';
import { FixedClock, SequentialIds } from '@contextflow/core/testing';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { createHttpApp, type HttpAppOptions } from '../app/create-http-app.js';
import { Authenticator } from '../auth/authenticator.js';
import { StaticTokenAuthenticator } from '../auth/static-token-authenticator.js';
import { InMemoryCommandStatusReader } from './in-memory-command-status-reader.js';
import { type CommandStub, RecordingCommandBus } from './recording-command-bus.js';
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
 * Builds an app around modules with in-memory fakes in a child container: a recording CommandBus (refusing to
 * queue what the modules deliver in-process, answering in-process commands with `executes`), query stubs, an
 * in-memory command status reader, static bearer tokens, sequential ids and a fixed clock.
 */
export function createHttpTestHarness(
  options: Partial<Omit<HttpAppOptions, 'container' | 'logger'>> & {
    readonly tokens?: Readonly<Record<string, Principal>>;
    readonly queries?: Readonly<Record<string, QueryStub>>;
    /** What the in-process commands answer, by type (`CommandBus.execute`). */
    readonly executes?: Readonly<Record<string, CommandStub>>;
  } = {},
): HttpTestHarness {
  const { tokens = {}, queries = {}, executes = {}, modules = [], ...appOptions } = options;
  const container = rootContainer.createChildContainer();
  const inProcess = modules.flatMap((module) =>
    module.commands.filter((command) => command.delivery === 'in-process').map(({ type }) => type),
  );
  const commandBus = new RecordingCommandBus(executes, new Set(inProcess));
  const commands = new InMemoryCommandStatusReader();
  container.registerInstance(CommandBus, commandBus);
  container.registerInstance(QueryBus, new StubQueryBus(queries));
  container.registerInstance(CommandStatusReader, commands);
  container.registerInstance(Authenticator, new StaticTokenAuthenticator(tokens));
  container.registerInstance(IdGenerator, new SequentialIds());
  container.registerInstance(Clock, new FixedClock());
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  });
  for (const module of modules) module.register(container);
  const app = createHttpApp({ ...appOptions, container, modules, logger });
  return { app, container, commandBus, commands, logs };
}
