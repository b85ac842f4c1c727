import type { Command, Principal } from '@contextflow/core';

let sequence = 0;

/** A command with complete, readable metadata, as the bus would hand it to a handler. */
export function aCommand<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
  actor: Principal | null,
): Command<TType, TPayload> {
  sequence += 1;
  const n = sequence.toString(16).padStart(12, '0');
  return {
    type,
    payload,
    meta: {
      commandId: `0190c000-0000-7000-8000-${n}`,
      actor,
      correlationId: `0190c000-0000-7000-9000-${n}`,
      causationId: `0190c000-0000-7000-9000-${n}`,
      issuedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}
