import { type Command, type CommandMetadata, UuidV7Generator } from '@contextflow/core';

const ids = new UuidV7Generator();

/** A command with fresh ids and an anonymous actor unless `meta` says otherwise, for tests. */
export function buildCommand<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
  meta: Partial<CommandMetadata> = {},
): Command<TType, TPayload> {
  const commandId = meta.commandId ?? ids.next();
  return {
    type,
    payload,
    meta: {
      commandId,
      actor: null,
      correlationId: commandId,
      causationId: commandId,
      issuedAt: new Date().toISOString(),
      ...meta,
    },
  };
}
