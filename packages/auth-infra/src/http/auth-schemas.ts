import { UserNameSchema } from '@contextflow/users-app/contracts';
import { z } from '@hono/zod-openapi';

// Generous upper bounds: the email form and password policy are the domain's, checked by the registration
// intake at the edge; the name is the users context's own rule (its UserNameSchema contract).
/** An email address field of a body. */
export const email = z.string().max(320).openapi({ example: 'ada@example.com' });
/** A password field of a body. */
export const password = z.string().max(1024).openapi({ format: 'password' });

/** Body of `POST /auth/register`. */
export const RegisterBody = z
  .object({
    email,
    password,
    name: UserNameSchema,
  })
  .openapi('RegisterBody');

/** Body of `POST /auth/login`. */
export const LoginBody = z
  .object({
    email,
    password,
    deviceToken: z
      .string()
      .max(512)
      .optional()
      .openapi({
        description:
          'The `deviceToken` an earlier sign-in of this client answered, if it kept it. With a valid one for this ' +
          "account, the sign-in is judged only by this device's own failures, so strangers failing against the " +
          'account cannot lock it out. Anything else counts as none.',
      }),
  })
  .openapi('LoginBody');

/** Body of `POST /auth/refresh` and `POST /auth/logout`. */
export const RefreshTokenBody = z
  .object({ refreshToken: z.string().min(1).max(512) })
  .openapi('RefreshTokenBody');

const tokenFields = {
  accessToken: z.string().openapi({ description: 'A JWT (EdDSA/ES256) for `Authorization: Bearer`.' }),
  refreshToken: z.string().openapi({ description: 'Opaque; single use: each refresh returns the next one.' }),
  tokenType: z.literal('Bearer'),
  expiresIn: z
    .number()
    .int()
    .openapi({ description: 'Seconds until the access token expires.', example: 900 }),
};

/** What a refresh answers. */
export const TokensSchema = z.object(tokenFields).openapi('Tokens');

/** What a sign-in answers: the tokens and the device token. */
export const LoginTokensSchema = z
  .object({
    ...tokenFields,
    deviceToken: z.string().openapi({
      description:
        'Opaque and long-lived: keep it (like a cookie) and send it with every later sign-in of this client. ' +
        'The one sent is answered again while it is valid; otherwise this is a new one. `POST /auth/logout-all` ' +
        'revokes them all.',
    }),
  })
  .openapi('LoginTokens');

/** The public signing keys (RFC 7517). */
export const JwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        y: z.string().optional(),
        kid: z.string(),
        alg: z.enum(['EdDSA', 'ES256']),
        use: z.literal('sig'),
      }),
    ),
  })
  .openapi('JsonWebKeySet');

/** A role name. */
export const RoleSchema = z.enum(['user', 'admin']);

/** Path parameter `{id}` of the role routes: the user (= account) id. */
export const UserIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
