import {
  GrantRoleCommand,
  type IssuedTokens,
  LoginCommand,
  type LoginTokens,
  LogoutAllCommand,
  LogoutCommand,
  RefreshCommand,
  RegisterAccountCommand,
  type RegisterAccountPayload,
  RegistrationIntake,
  RevokeRoleCommand,
  type TokenOutcome,
  tokensOrThrow,
} from '@contextflow/auth-app';
import type { Command } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import { commandMetadata, sendCommand } from '@contextflow/http-kit';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Semaphore } from '../concurrency/semaphore.js';
import type { JwtKeySet } from '../crypto/jwt-keys.js';
import { addAccountLifecycleRoutes } from './account-lifecycle-routes.js';
import {
  grantRoleRoute,
  jwksRoute,
  loginRoute,
  logoutAllRoute,
  logoutRoute,
  refreshRoute,
  registerRoute,
  revokeRoleRoute,
} from './auth-route-definitions.js';
import { clientAddressReader } from './client-address.js';

/** What the auth routes need besides the container. */
export interface AuthRoutesOptions {
  readonly keys: JwtKeySet;
  readonly trustedProxyHops: number;
  /**
   * Caps the sign-ins and refreshes running at once in this process. Each holds a database connection for its
   * transaction while it hashes and then needs a second one for the throttle, so the cap must stay below the
   * pool size: at most cap + cap connections are ever held by sign-ins, and the rest queue here, bounded.
   */
  readonly signIns: Semaphore;
  /**
   * Caps the registrations being taken in at once (their count, password hash and pending row), apart from
   * sign-ins: a registration flood fills this lane and overflows into 503, and sign-ins keep theirs.
   */
  readonly registrations: Semaphore;
}

/** The auth context's HTTP routes, exactly as docs/http-api.md lists them. */
export function authRoutes(options: AuthRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();
  const inProcess = async <T extends IssuedTokens>(c: Context<HttpEnv>, type: string, payload: unknown) => {
    const command: Command = { type, payload, meta: commandMetadata(c) };
    const outcome = await options.signIns.run(() => c.var.commandBus.execute<TokenOutcome<T>>(command));
    c.header('Cache-Control', 'no-store');
    return tokensOrThrow(outcome);
  };
  const clientAddress = clientAddressReader(options.trustedProxyHops);

  // Checked, counted and hashed here, in the HTTP process: the queued command carries no credential.
  app.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const intake = c.var.container.resolve(RegistrationIntake);
    const payload = await options.registrations.run(() =>
      intake.admit({ ...body, clientAddress: clientAddress(c) }),
    );
    // A replay under the same Idempotency-Key (a signed-in caller's; anonymous keys are ignored) is recognised
    // by the client's input, never the password, and answers with the first registration's user id.
    return sendCommand(
      c,
      RegisterAccountCommand.type,
      payload,
      (accepted) => ({ userId: (accepted as RegisterAccountPayload).accountId }),
      { fingerprint: { email: payload.email, name: body.name } },
    );
  });
  app.openapi(loginRoute, async (c) => {
    const { email, password, deviceToken } = c.req.valid('json');
    const payload = { email, password, deviceToken, clientAddress: clientAddress(c) };
    return c.json(await inProcess<LoginTokens>(c, LoginCommand.type, payload), 200);
  });
  app.openapi(refreshRoute, async (c) => {
    const payload = { refreshToken: c.req.valid('json').refreshToken, clientAddress: clientAddress(c) };
    return c.json(await inProcess(c, RefreshCommand.type, payload), 200);
  });
  app.openapi(logoutRoute, async (c) => {
    const command = { type: LogoutCommand.type, payload: c.req.valid('json'), meta: commandMetadata(c) };
    await c.var.commandBus.execute(command);
    return c.body(null, 204);
  });
  app.openapi(logoutAllRoute, async (c) => {
    await c.var.commandBus.execute({ type: LogoutAllCommand.type, payload: {}, meta: commandMetadata(c) });
    return c.body(null, 204);
  });
  app.openapi(jwksRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(options.keys.jwks(), 200);
  });
  app.openapi(grantRoleRoute, async (c) =>
    sendCommand(c, GrantRoleCommand.type, {
      accountId: c.req.valid('param').id,
      role: c.req.valid('json').role,
    }),
  );
  app.openapi(revokeRoleRoute, async (c) => {
    const { id, role } = c.req.valid('param');
    return sendCommand(c, RevokeRoleCommand.type, { accountId: id, role });
  });
  addAccountLifecycleRoutes(app, options.registrations);
  return app;
}
