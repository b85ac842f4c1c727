import {
  ChangePasswordCommand,
  LinkSecrets,
  NewPasswordIntake,
  parseLinkToken,
  RequestEmailVerificationCommand,
  RequestPasswordResetCommand,
  ResetPasswordCommand,
  VerifyEmailCommand,
} from '@contextflow/auth-app';
import { AuthErrors } from '@contextflow/auth-domain';
import type { HttpEnv } from '@contextflow/core-infra';
import { sendCommand } from '@contextflow/http-kit';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Semaphore } from '../concurrency/semaphore.js';
import {
  changePasswordRoute,
  forgotPasswordRoute,
  resendVerificationRoute,
  resetPasswordRoute,
  verifyEmailRoute,
} from './account-lifecycle-route-definitions.js';

/** The link and the hash of its secret: what a command carries instead of the token. */
function proofOf(c: Context<HttpEnv>, token: string): { linkId: string; tokenHash: string } {
  const parsed = parseLinkToken(token);
  if (parsed === null) throw AuthErrors.invalidToken();
  return {
    linkId: parsed.linkId,
    tokenHash: c.var.container.resolve<LinkSecrets>(LinkSecrets).hashOf(parsed.secret),
  };
}

/**
 * Adds the account lifecycle's routes (verify the email, reset or change the password) to the auth routes.
 * New passwords are hashed in `hashing`, the registrations' lane, so these routes cannot take the capacity
 * sign-ins need.
 */
export function addAccountLifecycleRoutes(app: OpenAPIHono<HttpEnv>, hashing: Semaphore): void {
  // The token never enters the command: it carries the link id and the hash of the secret.
  app.openapi(verifyEmailRoute, async (c) =>
    sendCommand(c, VerifyEmailCommand.type, proofOf(c, c.req.valid('json').token)),
  );
  app.openapi(resendVerificationRoute, async (c) => {
    const accountId = c.var.principal?.userId ?? '';
    return sendCommand(c, RequestEmailVerificationCommand.type, { accountId, reminder: false });
  });
  app.openapi(forgotPasswordRoute, async (c) =>
    sendCommand(c, RequestPasswordResetCommand.type, { email: c.req.valid('json').email }),
  );
  // Checked and hashed here, like a registration: the queued commands carry no password and no token.
  app.openapi(resetPasswordRoute, async (c) => {
    const { token, password } = c.req.valid('json');
    const intake = c.var.container.resolve(NewPasswordIntake);
    const payload = await hashing.run(() => intake.forReset(proofOf(c, token), password));
    return sendCommand(c, ResetPasswordCommand.type, payload);
  });
  app.openapi(changePasswordRoute, async (c) => {
    const { currentPassword, password } = c.req.valid('json');
    const accountId = c.var.principal?.userId ?? '';
    const intake = c.var.container.resolve(NewPasswordIntake);
    const payload = await hashing.run(() => intake.forChange(accountId, currentPassword, password));
    return sendCommand(c, ChangePasswordCommand.type, payload);
  });
}
