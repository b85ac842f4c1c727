import type { Command, DomainEvent } from '@contextflow/core';
import type { MessageSchema } from '@contextflow/core-infra';
import type { DeliveredMessage } from './delivered-message.js';
import { isRecord } from './is-record.js';

/** A message read into what its handler takes, or why it cannot be (a poison message). */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/**
 * The largest message body a consumer takes (4 MiB): a larger one is poison. Bodies this size come from no
 * contextflow producer (the HTTP body limit is 1 MiB by default); one would mean a bug or an attack.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Why a message is poison before its shape is even looked at, or `undefined`. */
function unreadable(message: DeliveredMessage): string | undefined {
  if (message.bodyBytes !== undefined && message.bodyBytes > MAX_MESSAGE_BYTES)
    return `body is ${message.bodyBytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`;
  if (!message.isJson) return 'body is not JSON';
  if (!isRecord(message.body)) return 'body is not an object';
  return undefined;
}

/** Why `value` fails `schema` (the first issue's path and message; never the value), or `undefined`. */
function violation(schema: MessageSchema | undefined, value: unknown, what: string): string | undefined {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  const path =
    issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.map(String).join('.')}`;
  return `${what} fails its schema${path}: ${issue?.message ?? 'invalid'}`;
}

/**
 * Reads a command (`{ type, payload, meta }` with `meta.commandId`) whose type is one of `knownTypes`, and whose
 * payload passes that type's schema in `schemas` when it has one.
 */
export function parseCommand(
  message: DeliveredMessage,
  knownTypes: ReadonlySet<string>,
  schemas: ReadonlyMap<string, MessageSchema> = new Map(),
): Parsed<Command> {
  const why = unreadable(message);
  if (why !== undefined) return { ok: false, reason: why };
  const body = message.body as Record<string, unknown>;
  if (!nonEmpty(body.type)) return { ok: false, reason: 'type is missing' };
  if (!knownTypes.has(body.type)) return { ok: false, reason: `unknown command type ${body.type}` };
  if (!isRecord(body.meta) || !nonEmpty(body.meta.commandId))
    return { ok: false, reason: 'commandId is missing' };
  const invalid = violation(schemas.get(body.type), body.payload, `${body.type} payload`);
  if (invalid !== undefined) return { ok: false, reason: invalid };
  return { ok: true, value: body as unknown as Command };
}

/**
 * Reads a domain event (`{ id, type, version, payload, ... }`); with `contracts`, the event must pass the one
 * for its `<type>.v<version>` when there is one.
 */
export function parseEvent(
  message: DeliveredMessage,
  contracts: Readonly<Record<string, MessageSchema>> = {},
): Parsed<DomainEvent> {
  const why = unreadable(message);
  if (why !== undefined) return { ok: false, reason: why };
  const body = message.body as Record<string, unknown>;
  if (!nonEmpty(body.id)) return { ok: false, reason: 'event id is missing' };
  if (!nonEmpty(body.type)) return { ok: false, reason: 'type is missing' };
  // By the event's own type and version: a retried message comes back with its queue's name as routing key.
  const key = `${body.type}.v${String(body.version)}`;
  const invalid = violation(contracts[key], body, `${key} event`);
  if (invalid !== undefined) return { ok: false, reason: invalid };
  return { ok: true, value: body as unknown as DomainEvent };
}
