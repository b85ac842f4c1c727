import { createHash, randomUUID } from 'node:crypto';
import { type ProblemDetails, parseTraceparent, redactSecrets } from '@contextflow/core-infra';
import type { DeliveredMessage } from './delivered-message.js';
import { attemptOf } from './retry-scheduler.js';

/**
 * Why a message was dead-lettered: `poison` (unreadable, unknown type, failing its schema), `retries_exhausted`
 * (its handler failed on the last attempt), or the broker's reasons for the rest (`delivery_limit`, `expired`,
 * `maxlen`; `rejected` when the consumer's own record of the rejection was lost).
 */
export type FailureReason =
  | 'poison'
  | 'retries_exhausted'
  | 'delivery_limit'
  | 'expired'
  | 'maxlen'
  | 'rejected';

/** The last problem of a failure: what `code`, `title` and `detail` said. */
export interface FailureProblem {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

/** One dead-lettered message as `platform.failures` records it (secrets redacted). */
export interface FailureEntry {
  readonly queue: string;
  readonly messageId: string;
  readonly type: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly payload: unknown;
  readonly reason: FailureReason;
  readonly problem: FailureProblem | null;
  readonly attempts: number;
  readonly traceId: string | null;
  readonly fingerprint: string;
}

/** The fingerprint that groups alike failures: message type + error code + reason, hashed to 16 hex digits. */
export function failureFingerprint(type: string, errorCode: string, reason: string): string {
  return createHash('sha256').update(`${type}\u0000${errorCode}\u0000${reason}`).digest('hex').slice(0, 16);
}

/** The problem kept for a failure: code, title and detail only (field issues and instance stay out). */
export function failureProblem(problem: ProblemDetails): FailureProblem {
  return { code: problem.code, title: problem.title, detail: problem.detail };
}

/** The problem of an error that is not an AppError: its class name as the code, its message as the detail. */
export function unexpectedProblem(error: unknown): FailureProblem {
  const name = error instanceof Error ? error.name : typeof error;
  const detail = error instanceof Error ? error.message : String(error);
  return { code: `internal.${name}`, title: 'Internal Server Error', detail: detail.slice(0, 1_000) };
}

const BROKER_REASONS: ReadonlySet<string> = new Set(['delivery_limit', 'expired', 'maxlen', 'rejected']);

/** A broker's death reason as a {@link FailureReason} (`rejected` for one it does not name). */
export function brokerReason(reason: string | undefined): FailureReason {
  return reason !== undefined && BROKER_REASONS.has(reason) ? (reason as FailureReason) : 'rejected';
}

/** The entry for a message that died in `queue`, its headers and body redacted as log lines are. */
export function failureEntry(
  queue: string,
  message: DeliveredMessage,
  reason: FailureReason,
  problem: FailureProblem | null,
): FailureEntry {
  const type = message.type ?? typeOfBody(message.body) ?? '(unknown)';
  const traceparent = message.headers.traceparent;
  const trace = typeof traceparent === 'string' ? parseTraceparent(traceparent) : undefined;
  // A body that is not JSON is kept only as its size: it cannot be shown as JSON, and the queue has it.
  const payload = message.isJson ? message.body : { notJson: true, bytes: message.bodyBytes ?? null };
  return {
    queue,
    messageId: message.messageId ?? `none:${randomUUID()}`,
    type,
    headers: redactSecrets(message.headers) as Record<string, unknown>,
    payload: redactSecrets(payload),
    reason,
    problem,
    attempts: attemptOf(message),
    traceId: trace?.traceId ?? null,
    fingerprint: failureFingerprint(type, problem?.code ?? '', reason),
  };
}

function typeOfBody(body: unknown): string | undefined {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type !== '' ? type : undefined;
}
