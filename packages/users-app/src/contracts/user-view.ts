import { z } from 'zod';

/**
 * How a user is shown to clients and other contexts: never secrets. Timestamps are ISO 8601 UTC. The email is
 * a plain string here: the users context has already validated it by its own rules.
 */
export const UserViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'deactivated']),
  /** Whether the user proved the email is theirs (a verification link of the auth context). */
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A parsed {@link UserViewSchema}. */
export type UserView = Readonly<z.infer<typeof UserViewSchema>>;
