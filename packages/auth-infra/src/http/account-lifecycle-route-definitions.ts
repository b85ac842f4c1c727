import { LINK_TOKEN_PATTERN } from '@contextflow/auth-app';
import {
  acceptedResponse,
  BEARER_SECURITY,
  CommandRequestHeaders,
  problemResponses,
  requireAuth,
} from '@contextflow/http-kit';
import { createRoute, z } from '@hono/zod-openapi';
import { email, password } from './auth-schemas.js';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const token = z
  .string()
  .max(200)
  .regex(LINK_TOKEN_PATTERN, 'must be the token of a link, as the email carries it')
  .openapi({
    description: 'The `token` parameter of the link in the email.',
  });

/** Body of `POST /auth/verify-email`. */
export const VerifyEmailBody = z.object({ token }).openapi('VerifyEmailBody');

/** `POST /auth/verify-email`. */
export const verifyEmailRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/verify-email',
  operationId: 'verifyEmail',
  summary: "Verify an account's email with the link of a verification email (asynchronous)",
  description:
    "The command succeeds and the account's email is verified when the link is valid; an unknown, used, expired " +
    'or superseded link fails the command (`error.type` ending `invalid-token`). A link works once, for ' +
    '`EMAIL_VERIFICATION_TTL_SECONDS`, and only while no newer one was sent.',
  request: { headers: CommandRequestHeaders, body: { required: true, content: json(VerifyEmailBody) } },
  responses: { ...acceptedResponse(), ...problemResponses(400, 413, 415, 422) },
});

/** `POST /auth/verify-email/resend`. */
export const resendVerificationRoute = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['auth'],
  method: 'post',
  path: '/auth/verify-email/resend',
  operationId: 'resendVerificationEmail',
  summary: 'Send the caller a new verification email; the earlier links stop working (asynchronous)',
  description:
    'A verified email fails the command (`error.type` ending `email-already-verified`). The email goes out ' +
    'through the outbox, so a mail server that is down delays it and loses nothing.',
  request: { headers: CommandRequestHeaders },
  responses: { ...acceptedResponse(), ...problemResponses(401) },
});

/** Body of `POST /auth/forgot-password`. */
export const ForgotPasswordBody = z.object({ email }).openapi('ForgotPasswordBody');

/** Body of `POST /auth/reset-password`. */
export const ResetPasswordBody = z.object({ token, password }).openapi('ResetPasswordBody');

/** Body of `POST /auth/change-password`. */
export const ChangePasswordBody = z
  .object({ currentPassword: password, password })
  .openapi('ChangePasswordBody');

/** `POST /auth/forgot-password`. */
export const forgotPasswordRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/forgot-password',
  operationId: 'forgotPassword',
  summary: 'Email a password-reset link to an address, if it has an account (asynchronous)',
  description:
    'The answer and the command are the same for every address: a 202 and a command that succeeds with an empty ' +
    'result. An email goes out only for an active account, at most `PASSWORD_RESET_MAX_PER_HOUR` per account per ' +
    'hour; its link works once, for `PASSWORD_RESET_TTL_SECONDS`, and a newer one supersedes it.',
  request: { headers: CommandRequestHeaders, body: { required: true, content: json(ForgotPasswordBody) } },
  responses: { ...acceptedResponse(), ...problemResponses(400, 413, 415, 422) },
});

/** `POST /auth/reset-password`. */
export const resetPasswordRoute = createRoute({
  security: [],
  tags: ['auth'],
  method: 'post',
  path: '/auth/reset-password',
  operationId: 'resetPassword',
  summary: 'Set a new password with the link of a password-reset email (asynchronous)',
  description:
    'The new password is checked against the password policy at once (422 `auth.weak_password`) and hashed here: ' +
    'the command carries no password and no token. When the command succeeds the new password works, the old one ' +
    'does not, and every session and every other reset link of the account has ended. An unknown, used, expired ' +
    'or superseded link fails the command (`error.type` ending `invalid-token`). 503 `auth.busy` when too many ' +
    'passwords are being hashed at once.',
  request: { headers: CommandRequestHeaders, body: { required: true, content: json(ResetPasswordBody) } },
  responses: { ...acceptedResponse(), ...problemResponses(400, 413, 415, 422, 503) },
});

/** `POST /auth/change-password`. */
export const changePasswordRoute = createRoute({
  middleware: [requireAuth] as const,
  security: BEARER_SECURITY,
  tags: ['auth'],
  method: 'post',
  path: '/auth/change-password',
  operationId: 'changePassword',
  summary: "Change the caller's password; their other sessions end (asynchronous)",
  description:
    'A wrong `currentPassword` fails the command (`error.type` ending `wrong-password`); a new password the ' +
    'policy refuses gets 422 at once. When the command succeeds the new password works and every other session ' +
    "of the account has ended; the caller's goes on. 503 `auth.busy` when too many passwords are being hashed.",
  request: { headers: CommandRequestHeaders, body: { required: true, content: json(ChangePasswordBody) } },
  responses: { ...acceptedResponse(), ...problemResponses(400, 401, 413, 415, 422, 503) },
});
