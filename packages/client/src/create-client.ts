import type { ApiClient, Method } from './api-client.js';
import { DOCUMENTED_STATUSES } from './api-paths.js';
import { UnexpectedResponseError } from './unexpected-response-error.js';

/** How {@link createClient} reaches the API. */
export interface ClientOptions {
  /** Where the API is served, e.g. `https://api.example.com` (paths are appended to it). */
  readonly baseUrl: string;
  /** The fetch to use (default: the global one); tests pass `(input, init) => app.request(input, init)`. */
  readonly fetch?: (input: string, init: RequestInit) => Response | Promise<Response>;
  /** The bearer token for each call, if any: a string or a function asked before every request. */
  readonly token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Headers sent with every call (e.g. `X-Request-Id`). */
  readonly headers?: Readonly<Record<string, string>>;
}

type Init = {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
};

function urlOf(baseUrl: string, path: string, init: Init): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = init.params?.[name];
    if (value === undefined) throw new TypeError(`createClient: ${path} needs the path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(init.query ?? {})) {
    if (value !== undefined) query.append(name, String(value));
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${baseUrl.replace(/\/+$/, '')}${filled}${search}`;
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  return /\bjson\b/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
}

/**
 * A typed client of the contextflow API. Every call returns `{ status, ok, body, headers }` typed by the
 * status (check `status` to narrow `body`); an undocumented status throws {@link UnexpectedResponseError}.
 */
export function createClient(options: ClientOptions): ApiClient {
  const send = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const call =
    (method: Method) =>
    async (path: string, init: Init = {}) => {
      const headers = new Headers(options.headers);
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
      for (const [name, value] of Object.entries(init.headers ?? {})) {
        if (value !== undefined) headers.set(name, value);
      }
      if (init.body !== undefined) headers.set('content-type', 'application/json');
      const response = await send(urlOf(options.baseUrl, path, init), {
        method: method.toUpperCase(),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
      const body = await bodyOf(response);
      if (!DOCUMENTED_STATUSES[path]?.[method]?.includes(response.status)) {
        throw new UnexpectedResponseError(method, path, response.status, body, response.headers);
      }
      return { status: response.status, ok: response.ok, body, headers: response.headers };
    };
  return {
    get: call('get'),
    put: call('put'),
    post: call('post'),
    delete: call('delete'),
    patch: call('patch'),
  } as unknown as ApiClient;
}
