import type { ApiTag, ContextModule } from '@contextflow/core-infra';

/** The `info` of an OpenAPI document: what `/docs` shows above the operations. */
export interface ApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly contact?: { readonly name?: string; readonly url?: string; readonly email?: string };
  readonly license?: { readonly name: string; readonly identifier?: string; readonly url?: string };
}

/** A `servers` entry: where the operations are reached. */
export interface ApiServer {
  readonly url: string;
  readonly description: string;
}

const DESCRIPTION = `The HTTP API of contextflow: accounts and sign-in (\`auth\`), user profiles (\`users\`), and the
status of the commands they accept (\`commands\`).

- **Authentication**: \`Authorization: Bearer <access token>\` from \`POST /auth/login\`; operations marked with a
  lock need it. A missing or invalid token is a 401 with \`WWW-Authenticate: Bearer\`.
- **Writes are commands**: a write answers \`202 Accepted\` with \`{ commandId }\` and \`Location:
  /commands/{commandId}\`, where its outcome appears once a worker ran it. Send \`Prefer: wait=<seconds>\` (at
  most 30) to wait for it in the same request, and \`Idempotency-Key\` (signed in) to send a write safely twice.
- **Errors** are \`application/problem+json\` (RFC 9457) with a stable \`code\`; input that breaks a rule is a 422
  whose \`errors\` hold one JSON Pointer per field. Text that cannot be stored — a NUL character (\`\\u0000\`) or an
  unpaired UTF-16 surrogate, anywhere in a body, path, query or header — is such a 422.
- **Lists** take \`limit\` (default 20, at most 100) and an opaque \`cursor\`, and answer \`{ items, nextCursor }\`.`;

/**
 * The `info` of contextflow's own API document, what an app serves unless it is given its own. `version` is the
 * version of the HTTP contract (docs/http-api.md), not of the software: the document never reveals that.
 */
export const CONTEXTFLOW_API_INFO: ApiInfo = Object.freeze({
  title: 'contextflow API',
  version: '1.0.0',
  description: DESCRIPTION,
  contact: { name: 'contextflow maintainers', url: 'https://github.com/contextflow/contextflow' },
  license: { name: 'MIT', identifier: 'MIT' },
});

/** The document's `servers` unless the app is given its own: the origin that serves the document. */
export const DEFAULT_API_SERVERS: readonly ApiServer[] = Object.freeze([
  { url: '/', description: 'The server that serves this document.' },
]);

/** The tags of the platform's own routes (`/commands/{id}`, `/health/*`). */
export const PLATFORM_TAGS: readonly ApiTag[] = Object.freeze([
  {
    name: 'commands',
    description:
      'What became of a command a write accepted: `pending`, `processing`, then `succeeded` with its result or ' +
      '`failed` with a problem.',
  },
  {
    name: 'operations',
    description: 'Liveness and readiness, for load balancers and orchestrators.',
  },
]);

/** What `getOpenAPI31Document` is given besides the paths: info, servers, and every module's declared tags. */
export function documentConfig(
  info: ApiInfo | undefined,
  servers: readonly ApiServer[] | undefined,
  modules: readonly ContextModule[],
) {
  const tags = [...modules.flatMap((module) => module.tags ?? []), ...PLATFORM_TAGS];
  return {
    openapi: '3.1.0',
    info: { ...(info ?? CONTEXTFLOW_API_INFO) },
    servers: (servers ?? DEFAULT_API_SERVERS).map((server) => ({ ...server })),
    tags: tags.map((tag) => ({ ...tag })),
  };
}
