import type { Paths } from './api-paths.js';

/** The HTTP methods the API uses. */
export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths that have an operation for `M`. */
export type PathsWith<M extends Method> = {
  [P in keyof Paths]: Paths[P] extends Record<M, unknown> ? P : never;
}[keyof Paths];

/** The operation at path `P` and method `M`. */
export type Operation<P extends keyof Paths, M extends Method> =
  Paths[P] extends Record<M, infer O> ? O : never;

type Statuses<O> = O extends { responses: infer R } ? R : never;

/** One answer of operation `O`: a union over its documented statuses, so checking `status` narrows `body`. */
export type ApiResponse<O> = {
  [S in keyof Statuses<O>]: {
    readonly status: S;
    readonly ok: S extends 200 | 201 | 202 | 204 ? true : false;
    readonly body: Statuses<O>[S];
    readonly headers: Headers;
  };
}[keyof Statuses<O>];

type HeadersOf<O> = O extends { headers?: infer H } ? H : unknown;

/** What a call of operation `O` takes: its params, query and body, any extra headers, an abort signal. */
export type RequestOf<O> = Omit<O, 'responses' | 'headers'> & {
  readonly headers?: HeadersOf<O> & Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
};

/** The init argument: optional when the operation needs nothing. */
export type InitArgs<O> =
  object extends Omit<O, 'responses' | 'headers'> ? [init?: RequestOf<O>] : [init: RequestOf<O>];

/** A typed call for one method: `client.get('/users/{id}', { params: { id } })`. */
export type MethodCall<M extends Method> = <P extends PathsWith<M>>(
  path: P,
  ...init: InitArgs<Operation<P, M>>
) => Promise<ApiResponse<Operation<P, M>>>;

/** The typed client: one function per HTTP method, keyed by the API's paths. */
export interface ApiClient {
  readonly get: MethodCall<'get'>;
  readonly put: MethodCall<'put'>;
  readonly post: MethodCall<'post'>;
  readonly delete: MethodCall<'delete'>;
  readonly patch: MethodCall<'patch'>;
}
