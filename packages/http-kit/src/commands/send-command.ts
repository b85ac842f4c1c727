import { AppError, type SendOptions } from '@contextflow/core';
import { CommandStatusReader, type HttpEnv, isTerminal } from '@contextflow/core-infra';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { CommandView } from '../openapi/openapi-schemas.js';
import { commandMetadata } from './command-metadata.js';
import { preferWait } from './prefer-wait.js';
import { toCommandView } from './to-command-view.js';

/** What {@link sendCommand} answers: 202 with `{ commandId, ...extraBody }`, or 200 with the command view. */
export type SendCommandResponse<X> = Response &
  (
    | TypedResponse<JSONParsed<{ commandId: string } & X>, 202, 'json'>
    | TypedResponse<JSONParsed<CommandView>, 200, 'json'>
  );

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function idempotencyKeyOf(c: Context<HttpEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  // Anonymous callers have no key scope of their own (see PgCommandStore.accept): their key is ignored.
  if (key === undefined || c.get('principal') === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw AppError.invalid(
      'http.invalid_idempotency_key',
      'Idempotency-Key must be 1–255 visible ASCII characters.',
    );
  }
  return key;
}

/**
 * Sends a command through the CommandBus and answers the way every command route does: 202
 * `{ commandId, ...extraBody }` with `Location: /commands/{id}`; with `Prefer: wait=N` (max 30 s) it waits
 * for the command and answers 200 with its view and `Preference-Applied: wait` if it finished in time.
 * A signed-in caller's `Idempotency-Key` is passed on, so a replay returns the first command; an anonymous
 * caller's is ignored. `extraBody` may be a function of the accepted payload, so a replay answers with the
 * first command's generated ids; `options.fingerprint` replaces the payload as what identifies the request
 * (see `SendOptions`).
 */
// oxlint-disable-next-line typescript/no-generated-empty-object-type -- no extra fields is the empty body
export async function sendCommand<const X extends Record<string, unknown> = Record<never, never>>(
  c: Context<HttpEnv>,
  type: string,
  payload: unknown,
  extraBody?: X | ((acceptedPayload: unknown) => X),
  options: Pick<SendOptions, 'fingerprint'> = {},
): Promise<SendCommandResponse<X>> {
  const meta = commandMetadata(c, { idempotencyKey: idempotencyKeyOf(c) });
  const accepted = await c.get('commandBus').send({ type, payload, meta }, options);
  const { commandId } = accepted;
  c.header('Location', `/commands/${commandId}`);
  const wait = preferWait(c.req.header('prefer'));
  if (wait > 0) {
    const reader = c.get('container').resolve<CommandStatusReader>(CommandStatusReader);
    const record = await reader.waitUntilDone(commandId, wait * 1000);
    if (record !== null && isTerminal(record.status)) {
      c.header('Preference-Applied', 'wait');
      return c.json(toCommandView(record), 200);
    }
  }
  const extra = typeof extraBody === 'function' ? extraBody(accepted.payload ?? payload) : extraBody;
  return c.json({ commandId, ...(extra ?? ({} as X)) }, 202);
}
