/** An operator command that could not do its work (broker or database unreachable, nothing found). */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';
}

/** One line saying what went wrong, for an operator: no stack; an empty message falls back to the code. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '' && error.errors.length > 0)
    return describeError(error.errors[0]);
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return error.message === '' ? (code ?? error.name) : error.message;
  }
  return String(error);
}
