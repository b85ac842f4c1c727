import {
  GrantRoleCommand,
  LoginCommand,
  LogoutCommand,
  PasswordHasher,
  preparePassword,
  RefreshCommand,
  RegisterAccountCommand,
  type RegisterAccountPayload,
  RevokeRoleCommand,
  type TokenOutcome,
  tokensOrThrow,
} from '@contextflow/auth-app';
import { type Command, IdGenerator } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import { commandMetadata, sendCommand } from '@contextflow/http-kit';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Semaphore } from '../concurrency/semaphore.js';
import type { JwtKeySet } from '../crypto/jwt-keys.js';
import {
  grantRoleRoute,
  jwksRoute,
  loginRoute,
  logoutRoute,
  refreshRoute,
  registerRoute,
  revokeRoleRoute,
} from './auth-route-definitions.js';
import { clientAddressOf } from './client-address.js';

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
}

/** The auth context's HTTP routes, exactly as API.md lists them. */
export function authRoutes(options: AuthRoutesOptions): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>();
  const inProcess = async (c: Context<HttpEnv>, type: string, payload: unknown) => {
    const command: Command = { type, payload, meta: commandMetadata(c) };
    const outcome = await options.signIns.run(() => c.var.commandBus.execute<TokenOutcome>(command));
    c.header('Cache-Control', 'no-store');
    return tokensOrThrow(outcome);
  };
  const clientAddress = (c: Context<HttpEnv>) => clientAddressOf(c, options.trustedProxyHops);

  // The password is checked and hashed here, in the HTTP process: only its hash reaches the queue.
  app.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const { email } = preparePassword(body);
    const passwordHash = await c.var.container.resolve<PasswordHasher>(PasswordHasher).hash(body.password);
    const accountId = c.var.container.resolve<IdGenerator>(IdGenerator).next();
    const payload: RegisterAccountPayload = { accountId, email, name: body.name, passwordHash };
    // A replay under the same Idempotency-Key is recognised by the client's input (never the password: the
    // fingerprint's hash is stored) and answers with the first registration's user id.
    return sendCommand(
      c,
      RegisterAccountCommand.type,
      payload,
      (accepted) => ({ userId: (accepted as RegisterAccountPayload).accountId }),
      { fingerprint: { email, name: body.name } },
    );
  });
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const payload = { email, password, clientAddress: clientAddress(c) };
    return c.json(await inProcess(c, LoginCommand.type, payload), 200);
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
  return app;
}
