import { PAGE_LIMITS } from '@contextflow/core';
import { isFailureId, MAX_ATTEMPTS } from '@contextflow/core-infra';
import { z } from '@hono/zod-openapi';

const ProblemSummary = z.object({ code: z.string(), title: z.string(), detail: z.string() });

const summaryFields = {
  id: z.string().openapi({ example: '42' }),
  queue: z.string().openapi({ example: 'users.commands' }),
  messageId: z.string(),
  type: z.string().openapi({ example: 'users.rename-user' }),
  reason: z.string().openapi({
    description: '`poison`, `retries_exhausted`, `delivery_limit`, `expired`, `maxlen` or `rejected`.',
  }),
  problem: ProblemSummary.nullable().openapi({ description: 'The last problem, when one is known.' }),
  attempts: z.number().int(),
  deaths: z.number().int().openapi({ description: 'How often it was dead-lettered.' }),
  fingerprint: z.string().openapi({ description: 'Groups alike failures: type + error code + reason.' }),
  status: z.enum(['dead', 'retried', 'purged']),
  traceId: z.string().nullable(),
  firstFailedAt: z.iso.datetime(),
  lastFailedAt: z.iso.datetime(),
};

/** One recorded failure, as lists show it. */
export const FailureSummarySchema = z.object(summaryFields).openapi('FailureSummary');

/** One failure in full (one flat object: the API diff and the client types read no `allOf`). */
export const FailureDetailSchema = z
  .object({
    ...summaryFields,
    headers: z.record(z.string(), z.unknown()).openapi({ description: 'Secrets redacted.' }),
    payload: z.unknown().openapi({ description: 'The message body, secrets redacted.' }),
  })
  .openapi('FailureDetail');

/** A group of alike failures still dead-lettered. */
export const FailureGroupSchema = z
  .object({
    fingerprint: z.string(),
    type: z.string(),
    errorCode: z.string(),
    reason: z.string(),
    queues: z.array(z.string()),
    count: z.number().int(),
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    sample: FailureSummarySchema,
  })
  .openapi('FailureGroup');

/** The failure groups, largest first. */
export const FailureGroupListSchema = z
  .object({ items: z.array(FailureGroupSchema) })
  .openapi('FailureGroupList');

/** One page of failures. */
export const FailurePageSchema = z
  .object({ items: z.array(FailureSummarySchema), nextCursor: z.string().nullable() })
  .openapi('FailurePage');

/** A failure's id: a positive integer of at most 9223372036854775807 (the table's `bigint`). */
export const FailureIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,18}$/)
  .refine(isFailureId, { message: 'A failure id is at most 9223372036854775807.' });

/**
 * An attempt count of a filter, within the table's `integer`. The bound is checked as a refinement rather than
 * published as a `maximum`, which the API gate would count as a breaking narrowing of a released parameter.
 */
const attempts = (number: z.ZodNumber) =>
  number
    .int()
    .min(0)
    .refine((value) => value <= MAX_ATTEMPTS, { message: `At most ${MAX_ATTEMPTS}.` })
    .optional();

const criteria = {
  queue: z.string().max(255).optional(),
  type: z.string().max(255).optional(),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
  from: z.iso.datetime().optional().openapi({ description: 'Last failed at or after.' }),
  to: z.iso.datetime().optional().openapi({ description: 'Last failed before.' }),
};

/** Query of `GET /admin/failures`. */
export const ListFailuresParams = z.object({
  ...criteria,
  minAttempts: attempts(z.coerce.number()),
  maxAttempts: attempts(z.coerce.number()),
  status: z.enum(['dead', 'retried', 'purged']).default('dead'),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
  cursor: z.string().max(64).optional(),
});

/** Which dead failures an action takes: at least one criterion. */
export const FailureFilterSchema = z
  .object({
    ids: z.array(FailureIdSchema).min(1).max(10_000).optional().openapi({ description: 'Failure ids.' }),
    ...criteria,
    minAttempts: attempts(z.number()),
    maxAttempts: attempts(z.number()),
  })
  .strict()
  .refine((filter) => Object.values(filter).some((value) => value !== undefined), {
    message:
      'Give at least one criterion (ids, queue, type, fingerprint, from, to, minAttempts, maxAttempts).',
  })
  .openapi('FailureFilter');

/** Body of `POST /admin/failures/retry`. */
export const RetryFailuresBody = z
  .object({
    filter: FailureFilterSchema,
    ratePerSecond: z.number().positive().max(10_000).optional().openapi({
      description: 'Messages sent back per second at most; absent → as fast as the broker confirms.',
    }),
  })
  .strict()
  .openapi('RetryFailuresBody');

/** Body of `POST /admin/failures/purge`. */
export const PurgeFailuresBody = z
  .object({ filter: FailureFilterSchema })
  .strict()
  .openapi('PurgeFailuresBody');
