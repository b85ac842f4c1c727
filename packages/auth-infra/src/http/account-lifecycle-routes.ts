import {
  LinkSecrets,
  parseLinkToken,
  RequestEmailVerificationCommand,
  VerifyEmailCommand,
} from '@contextflow/auth-app';
import { AuthErrors } from '@contextflow/auth-domain';
import type { HttpEnv } from '@contextflow/core-infra';
import { sendCommand } from '@contextflow/http-kit';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { resendVerificationRoute, verifyEmailRoute } from './account-lifecycle-route-definitions.js';

/** The link and the hash of its secret: what a command carries instead of the token. */
function proofOf(c: Context<HttpEnv>, token: string): { linkId: string; tokenHash: string } {
  const parsed = parseLinkToken(token);
  if (parsed === null) throw AuthErrors.invalidToken();
  return {
    linkId: parsed.linkId,
    tokenHash: c.var.container.resolve<LinkSecrets>(LinkSecrets).hashOf(parsed.secret),
  };
}

/** Adds the account lifecycle's routes (verify the email, reset or change the password) to the auth routes. */
export function addAccountLifecycleRoutes(app: OpenAPIHono<HttpEnv>): void {
  // The token never enters the command: it carries the link id and the hash of the secret.
  app.openapi(verifyEmailRoute, async (c) =>
    sendCommand(c, VerifyEmailCommand.type, proofOf(c, c.req.valid('json').token)),
  );
  app.openapi(resendVerificationRoute, async (c) => {
    const accountId = c.var.principal?.userId ?? '';
    return sendCommand(c, RequestEmailVerificationCommand.type, { accountId, reminder: false });
  });
}
