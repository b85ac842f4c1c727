import { LINK_TOKEN_PATTERN } from '@contextflow/auth-app';
import {
  acceptedResponse,
  BEARER_SECURITY,
  CommandRequestHeaders,
  problemResponses,
  requireAuth,
} from '@contextflow/http-kit';
import { createRoute, z } from '@hono/zod-openapi';

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
