import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details, as every error answers; `errors` lists field issues of a 422. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://contextflow.dev/problems/users/not-found' }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string(),
    code: z
      .string()
      .openapi({ description: 'Stable error code clients may switch on.', example: 'users.not_found' }),
    instance: z.string().optional().openapi({ description: 'The request path.' }),
    errors: z
      .array(
        z.object({
          pointer: z
            .string()
            .openapi({ description: 'JSON Pointer into the validated input.', example: '/name' }),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

/** The status of an accepted command, as `GET /commands/{id}` and `Prefer: wait` answer it. */
export const CommandViewSchema = z
  .object({
    id: z.uuid(),
    type: z.string().openapi({ example: 'users.rename-user' }),
    status: z.enum(['pending', 'processing', 'succeeded', 'failed']),
    result: z.unknown().optional().openapi({ description: "The handler's result once succeeded." }),
    error: ProblemSchema.optional().openapi({ description: 'Why it failed.' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    issuedBy: z
      .uuid()
      .optional()
      .openapi({ description: 'Who asked: the user id, shown for operator actions (those with progress).' }),
    progress: z
      .object({
        done: z.number().int(),
        failed: z.number().int().openapi({ description: 'Items left as they were (not found, refused).' }),
        total: z.number().int(),
        updatedAt: z.iso.datetime(),
      })
      .optional()
      .openapi({ description: 'How far a long-running command (an operator action) got.' }),
  })
  .openapi('CommandView');

/** The JSON shape of {@link CommandViewSchema}. */
export type CommandView = z.infer<typeof CommandViewSchema>;

/** Request headers of a command route: put it in `request.headers` so the docs show them. */
export const CommandRequestHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      description:
        'The same key from the same signed-in caller returns the same command. Without a bearer token the key ' +
        'is ignored (never looked up, never stored): anonymous callers share no key scope, so a key never ' +
        "returns another caller's command.",
    }),
  prefer: z
    .string()
    .optional()
    .openapi({ description: 'RFC 7240; `wait=<seconds>` (max 30).', example: 'wait=5' }),
});
