/** Thrown for an answer whose status the operation does not document (a 500, a proxy's 502). */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(`${method.toUpperCase()} ${path} answered ${status}, which the API does not document for it`);
  }
}
