import type {
  CommandHandler,
  DomainEvent,
  EventHandler,
  ProcessManager,
  QueryHandler,
} from '@contextflow/core';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Migration } from 'kysely/migration';
import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { HttpEnv } from './http-env.js';

/**
 * Checks a message against its contract before a handler sees it (a zod schema is one). A message that fails is
 * poison: dead-lettered on its first delivery, never retried.
 */
export interface MessageSchema {
  safeParse(value: unknown):
    | { readonly success: true }
    | {
        readonly success: false;
        readonly error: {
          readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
        };
      };
}

/**
 * How a command reaches its handler. `queued`: accepted durably (`CommandBus.send`: a `platform.commands` row
 * and an outbox row), published to the broker and run by a worker. `in-process`: run at once in the caller's
 * process (`CommandBus.execute`) and never written to `platform.commands`, the outbox or the broker — for a
 * command that carries a secret (a password, a token) or whose caller needs the answer now.
 */
export type CommandDelivery = 'queued' | 'in-process';

/** A command type a module handles, with the token its handler is registered under. */
export interface CommandRegistration {
  /** Wire type, `<context>.<verb-noun>` (`users.rename-user`); also the routing key of a queued one. */
  readonly type: string;
  readonly handler: InjectionToken<CommandHandler>;
  /**
   * How it is delivered, by declaration: the bus refuses to queue an `in-process` command, the topology binds
   * only `queued` ones and a worker runs only those.
   */
  readonly delivery: CommandDelivery;
  /**
   * The schema of the command's `payload`; every queued command has one (a payload failing it is dead-lettered
   * on its first delivery, before the handler sees it). Absent → the handler alone decides what it accepts.
   */
  readonly payload?: MessageSchema | undefined;
}

/** A query type a module answers. */
export interface QueryRegistration {
  readonly type: string;
  readonly handler: InjectionToken<QueryHandler>;
}

/** A reaction to integration events: one consumer, handled once per event id. */
export interface EventSubscription {
  /** Unique consumer name, `<context>.<reaction>` (`users.create-profile-on-account-registered`). */
  readonly name: string;
  /** Event routing keys it binds, `<type>.v<version>` (`auth.account-registered.v1`). */
  readonly events: readonly string[];
  readonly handler: InjectionToken<EventHandler<DomainEvent>>;
  /**
   * The contract of each event it binds, by routing key (`auth.account-registered.v1`): the schema of the whole
   * envelope (the publishing context's `/contracts` export). An event failing it is dead-lettered at once.
   */
  readonly contracts?: Readonly<Record<string, MessageSchema>> | undefined;
}

/**
 * A process manager (saga) a module runs: one consumer of its events and of its own timeouts, each message
 * handled once per process (the inbox) in one unit of work with the instance's state.
 */
export interface ProcessRegistration {
  /** Unique name, `<context>.<process>` (`auth.email-verification-reminder`): consumer, queue and state key. */
  readonly name: string;
  /** Event routing keys it reacts to, `<type>.v<version>`. */
  readonly events: readonly string[];
  /** Names of the timeouts it schedules; each arrives as the event `<name>.<timeout>` (version 1). */
  readonly timeouts: readonly string[];
  readonly manager: InjectionToken<ProcessManager>;
  /** The contract of each event it binds, by routing key (as {@link EventSubscription.contracts}). */
  readonly contracts?: Readonly<Record<string, MessageSchema>> | undefined;
}

/**
 * One bounded context as the apps see it. An app is a list of modules plus the shared adapters; adding a
 * context is adding its module.
 */
export interface ContextModule {
  /** Context name: also its database schema, queue prefix and command-type prefix. */
  readonly name: string;
  /** Migrations of the context's schema, applied in name order, tracked in `<name>.kysely_migration`. */
  readonly migrations: Readonly<Record<string, Migration>>;
  readonly commands: readonly CommandRegistration[];
  readonly queries: readonly QueryRegistration[];
  readonly events: readonly EventSubscription[];
  /** Its process managers (none when absent). */
  readonly processes?: readonly ProcessRegistration[] | undefined;
  /** Registers the context's adapters and handlers. Handlers are resolved per message from a child container. */
  register(container: DependencyContainer): void;
  /** The context's HTTP routes; mounted at the root, so paths are absolute (`/users/{id}`). */
  routes?(): OpenAPIHono<HttpEnv>;
  /**
   * The OpenAPI tags its routes use, each with a description for readers of `/docs`: the app declares them in
   * `/openapi.json`, whose lint refuses an operation tag nobody declared.
   */
  readonly tags?: readonly ApiTag[];
}

/** An OpenAPI tag: the name operations use, and what a reader of the docs finds under it. */
export interface ApiTag {
  readonly name: string;
  readonly description: string;
}
