import type { RetryPolicy } from '@contextflow/runtime/messaging';

/** The retry policy of every worker in the fault suite: the default's shape, shorter delays. */
export const FAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  delaysMs: Object.freeze([200, 500, 1_000]),
});
