/** The closed set of error kinds; each maps to exactly one HTTP status and one message outcome. */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'concurrency'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** One field-level problem of an `invalid` error; `pointer` is a JSON Pointer into the input. */
export interface FieldIssue {
  readonly pointer: string;
  readonly message: string;
}

/** Options of an {@link AppError}. */
export interface AppErrorOptions {
  readonly issues?: readonly FieldIssue[];
  readonly cause?: unknown;
  /** Seconds after which a `rate_limited` or `unavailable` operation may be retried. */
  readonly retryAfterSeconds?: number;
}

/** The one error class of contextflow: a `kind` from a closed set and a stable, namespaced `code`. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly issues: readonly FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** An input that breaks a rule (`users.invalid_email`). */
  static invalid(code: string, message: string, issues: readonly FieldIssue[] = []): AppError {
    return new AppError('invalid', code, message, { issues });
  }

  /** Something absent, or not visible to the caller (`users.not_found`). */
  static notFound(code: string, message: string): AppError {
    return new AppError('not_found', code, message);
  }

  /** A state conflict: a duplicate, a stale version, a forbidden transition. */
  static conflict(code: string, message: string): AppError {
    return new AppError('conflict', code, message);
  }

  /**
   * A write lost a race with another writer (a stale version): passing, so the work is retried with fresh
   * state; on HTTP it is a 409 like a conflict.
   */
  static concurrency(code: string, message: string): AppError {
    return new AppError('concurrency', code, message);
  }

  /** No valid credentials. */
  static unauthorized(code: string, message: string): AppError {
    return new AppError('unauthorized', code, message);
  }

  /** Valid credentials without the right to act. */
  static forbidden(code: string, message: string): AppError {
    return new AppError('forbidden', code, message);
  }
}

/** True for an {@link AppError}, also across copies of this package. */
export function isAppError(error: unknown): error is AppError {
  return (
    error instanceof AppError ||
    (error instanceof Error &&
      error.name === 'AppError' &&
      typeof (error as { kind?: unknown }).kind === 'string' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}

/** Whether an error of this kind is a final answer (a rule said no) rather than a passing fault. */
export function isFinal(kind: ErrorKind): boolean {
  return kind !== 'unavailable' && kind !== 'internal' && kind !== 'concurrency';
}
