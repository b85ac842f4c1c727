import type { Command, DomainEvent } from '@contextflow/core';
import type { DeliveredMessage } from './delivered-message.js';

/** A message read into what its handler takes, or why it cannot be (a poison message). */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Reads a command (`{ type, payload, meta }` with `meta.commandId`) whose type is one of `knownTypes`. */
export function parseCommand(message: DeliveredMessage, knownTypes: ReadonlySet<string>): Parsed<Command> {
  if (!message.isJson) return { ok: false, reason: 'body is not JSON' };
  const body = message.body;
  if (!isRecord(body)) return { ok: false, reason: 'body is not an object' };
  if (!nonEmpty(body.type)) return { ok: false, reason: 'type is missing' };
  if (!knownTypes.has(body.type)) return { ok: false, reason: `unknown command type ${body.type}` };
  if (!isRecord(body.meta) || !nonEmpty(body.meta.commandId))
    return { ok: false, reason: 'commandId is missing' };
  return { ok: true, value: body as unknown as Command };
}

/** Reads a domain event (`{ id, type, version, payload, ... }`). */
export function parseEvent(message: DeliveredMessage): Parsed<DomainEvent> {
  if (!message.isJson) return { ok: false, reason: 'body is not JSON' };
  const body = message.body;
  if (!isRecord(body)) return { ok: false, reason: 'body is not an object' };
  if (!nonEmpty(body.id)) return { ok: false, reason: 'event id is missing' };
  if (!nonEmpty(body.type)) return { ok: false, reason: 'type is missing' };
  return { ok: true, value: body as unknown as DomainEvent };
}
