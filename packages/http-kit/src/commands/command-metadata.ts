import {
  Clock,
  type CommandMetadata,
  IdGenerator,
  isoString,
  SystemClock,
  UuidV7Generator,
} from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import type { Context } from 'hono';
import { resolveOptional } from '../di/resolve-optional.js';

const defaultIds = new UuidV7Generator();
const defaultClock = new SystemClock();

/**
 * Builds the metadata of a command a route sends: a new command id from the container's IdGenerator, the
 * caller as actor, the request's correlation id, the request id as causation id, and the time from the
 * container's Clock.
 */
export function commandMetadata<E extends HttpEnv>(
  c: Context<E>,
  options: { idempotencyKey?: string | undefined } = {},
): CommandMetadata {
  const container = c.get('container');
  return {
    commandId: resolveOptional(container, IdGenerator, defaultIds).next(),
    actor: c.get('principal'),
    correlationId: c.get('correlationId'),
    causationId: c.get('requestId'),
    ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    issuedAt: isoString(resolveOptional(container, Clock, defaultClock).now()),
  };
}
