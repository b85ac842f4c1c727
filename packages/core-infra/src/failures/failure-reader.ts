import { token } from '@contextflow/core';

/** What a failure's last problem said. */
export interface FailureProblemView {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
}

/** One recorded failure, as lists show it. */
export interface FailureSummary {
  /** The row's id (a decimal string). */
  readonly id: string;
  readonly queue: string;
  readonly messageId: string;
  readonly type: string;
  readonly reason: string;
  readonly problem: FailureProblemView | null;
  readonly attempts: number;
  readonly deaths: number;
  readonly fingerprint: string;
  readonly status: 'dead' | 'retried' | 'purged';
  readonly traceId: string | null;
  /** ISO 8601 UTC. */
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
}

/** One failure in full: its headers and payload too (secrets redacted when recorded). */
export interface FailureDetail extends FailureSummary {
  readonly headers: Readonly<Record<string, unknown>>;
  readonly payload: unknown;
}

/** Alike failures still in their dead-letter queues: same message type, error code and reason. */
export interface FailureGroup {
  readonly fingerprint: string;
  readonly type: string;
  readonly errorCode: string;
  readonly reason: string;
  readonly queues: string[];
  readonly count: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** The latest failure of the group. */
  readonly sample: FailureSummary;
}

/** The largest failure id: the table's `bigint`. */
export const MAX_FAILURE_ID = 9_223_372_036_854_775_807n;
/** The largest attempt count a filter may name: the table's `integer`. */
export const MAX_ATTEMPTS = 2_147_483_647;

/** Whether `text` names a failure: a positive integer in PostgreSQL's `bigint` (larger ones are refused, not sent). */
export function isFailureId(text: string): boolean {
  return /^[1-9]\d{0,18}$/.test(text) && BigInt(text) <= MAX_FAILURE_ID;
}

/** Which failures: every criterion given must hold. */
export interface FailureFilter {
  /** Row ids. */
  readonly ids?: readonly string[] | undefined;
  readonly queue?: string | undefined;
  readonly type?: string | undefined;
  readonly fingerprint?: string | undefined;
  /** Last failed at or after (ISO 8601). */
  readonly from?: string | undefined;
  /** Last failed before (ISO 8601). */
  readonly to?: string | undefined;
  readonly minAttempts?: number | undefined;
  readonly maxAttempts?: number | undefined;
  /** `dead` unless said otherwise. */
  readonly status?: 'dead' | 'retried' | 'purged' | undefined;
}

/** A page of failures, newest recorded first; `nextCursor` is `null` on the last page. */
export interface FailurePage {
  readonly items: FailureSummary[];
  readonly nextCursor: string | null;
}

/** Per work queue, failures still dead-lettered. */
export interface QueueFailures {
  readonly queue: string;
  readonly count: number;
}

/** Reads `platform.failures` for operators. */
export interface FailureReader {
  /** The groups of failures still `dead`, largest first (at most 100). */
  groups(): Promise<FailureGroup[]>;
  /** One page of failures matching `filter`; an unreadable cursor is a 422 `failures.invalid_cursor`. */
  list(
    filter: FailureFilter,
    page: { readonly limit: number; readonly cursor?: string | undefined },
  ): Promise<FailurePage>;
  /** One failure, or `null` when no failure has this id. */
  find(id: string): Promise<FailureDetail | null>;
  /** Failures still `dead`, per queue. */
  perQueue(): Promise<QueueFailures[]>;
}

/** Token of {@link FailureReader}. */
export const FailureReader = token<FailureReader>('core-infra.FailureReader');

/** Wire types of the operator actions on failures (queued commands of the platform's `operations` module). */
export const FailureActionTypes = Object.freeze({
  retry: 'operations.retry-failures',
  purge: 'operations.purge-failures',
});
