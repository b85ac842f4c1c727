/** Thrown by {@link expectStatus} when an answer has another status than the caller needs. */
export class StatusMismatchError extends Error {
  override readonly name = 'StatusMismatchError';

  constructor(
    readonly expected: readonly number[],
    readonly status: number,
    readonly body: unknown,
  ) {
    const code = (body as { code?: unknown } | undefined)?.code;
    super(
      `expected status ${expected.join(' or ')}, got ${status}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
}

/**
 * The response narrowed to the given status(es), for code that cannot go on otherwise:
 * `const { body } = expectStatus(await api.post('/auth/login', { body }), 200)`.
 */
export function expectStatus<
  R extends { readonly status: PropertyKey; readonly body: unknown },
  S extends R['status'],
>(response: R, ...statuses: [S, ...S[]]): Extract<R, { readonly status: S }> {
  if (!statuses.includes(response.status as S)) {
    throw new StatusMismatchError(statuses.map(Number), Number(response.status), response.body);
  }
  return response as Extract<R, { readonly status: S }>;
}
