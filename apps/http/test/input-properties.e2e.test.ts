import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, eventually } from './support/accounts.js';
import { client } from './support/http-client.js';
import {
  encodeUrlText,
  headerValue,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  schemaArbitrary,
} from './support/openapi-arbitraries.js';
import { startSystemWithUsers } from './support/start-system-with-users.js';
import type { System } from './support/system.js';

// Every operation of the served /openapi.json, driven with generated paths, queries, headers and bodies (strings
// from the whole Unicode range, NUL and lone surrogates included; strings of each schema's pattern; numbers and
// digit strings at the edges of PostgreSQL's integer and bigint and past them), as an admin, a user and
// anonymously, against the http app and the worker on PostgreSQL and RabbitMQ. Bounded: INPUT_PROPERTY_RUNS
// runs per operation.
const RUNS = Number(process.env.INPUT_PROPERTY_RUNS ?? 50);
const ADMIN = { email: 'admin@example.com', password: 'admin password for the input properties' };

let system: System;
let alice: Account;
let bob: Account;
let adminToken: string;
let document: OpenApiDocument;
const started = new Date();

beforeAll(async () => {
  ({ system, alice, bob, adminToken } = await startSystemWithUsers(ADMIN));
  document = (await client(system.baseUrl)<OpenApiDocument>('GET', '/openapi.json')).body;
}, 120_000);

afterAll(async () => {
  await system?.close();
});

interface GeneratedRequest {
  readonly caller: 'admin' | 'user' | 'anonymous';
  readonly values: readonly unknown[];
  readonly body: unknown;
}

/** Generated requests for one operation: every path parameter, the others maybe, a body maybe. */
function requestsFor(operation: Operation): fc.Arbitrary<GeneratedRequest> {
  const valueOf = schemaArbitrary(document, { uuids: [alice.userId, bob.userId] });
  const values = operation.parameters.map((parameter) => {
    if (parameter.in === 'header') return fc.option(headerValue, { nil: undefined });
    const value = valueOf(parameter.schema);
    return parameter.in === 'path' ? value : fc.option(value, { nil: undefined });
  });
  return fc.record({
    caller: fc.oneof(
      { arbitrary: fc.constantFrom('admin' as const, 'user' as const), weight: 3 },
      { arbitrary: fc.constant('anonymous' as const), weight: 1 },
    ),
    values: fc.tuple(...values),
    body:
      operation.body === undefined
        ? fc.constant(undefined)
        : fc.option(valueOf(operation.body), { nil: undefined, freq: 8 }),
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

async function send(operation: Operation, request: GeneratedRequest): Promise<Response> {
  let path = operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  operation.parameters.forEach((parameter, index) => {
    const value = request.values[index];
    if (value === undefined) return;
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeUrlText(text(value)));
    if (parameter.in === 'query') query.push(`${parameter.name}=${encodeUrlText(text(value))}`);
    if (parameter.in === 'header') headers[parameter.name] = String(value);
  });
  const token = { admin: adminToken, user: alice.accessToken, anonymous: undefined }[request.caller];
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const url = `${system.baseUrl}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  return fetch(url, {
    method: operation.method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

/** Throws unless the answer is not a 5xx and every 4xx is problem+json naming its own status. */
async function check(operation: Operation, response: Response, seen: Map<string, number>): Promise<void> {
  const body = await response.text();
  const where = `${operation.method} ${operation.path} answered ${response.status}: ${body.slice(0, 300)}`;
  if (response.status >= 500) throw new Error(where);
  let key = `${operation.operationId} ${response.status}`;
  if (response.status >= 400) {
    if (!(response.headers.get('content-type') ?? '').startsWith('application/problem+json')) {
      throw new Error(`not problem+json: ${where}`);
    }
    const problem = JSON.parse(body) as { status?: unknown; code?: unknown };
    if (problem.status !== response.status) throw new Error(`problem status differs: ${where}`);
    key += ` ${String(problem.code)}`;
  }
  seen.set(key, (seen.get(key) ?? 0) + 1);
}

describe('every route of /openapi.json, under generated input', () => {
  it('never answers 5xx, answers every 4xx as problem+json, and accepts no command that then breaks', async () => {
    // What ends the sessions the operations are called with goes last: deactivating a user (Alice, the `user`
    // caller, may be the one), then signing out.
    const rank = (operation: Operation) =>
      operation.path.includes('logout') ? 2 : operation.operationId === 'deactivateUser' ? 1 : 0;
    const operations = operationsOf(document).sort((a, b) => rank(a) - rank(b));
    expect(operations.length).toBeGreaterThanOrEqual(15);
    const seen = new Map<string, number>();
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(requestsFor(operation), async (request) => {
          await check(operation, await send(operation, request), seen);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }
    const requests = [...seen.values()].reduce((sum, n) => sum + n, 0);
    expect(requests).toBe(RUNS * operations.length);
    // What the runs met, for whoever reads the test's output: operation, status, problem code, count.
    console.info(
      `${requests} requests over ${operations.length} operations:\n${[...seen]
        .sort()
        .map(([key, n]) => `  ${key}: ${n}`)
        .join('\n')}`,
    );
    // Refusals must include the text PostgreSQL cannot store, at the edge.
    expect([...seen.keys()].some((key) => key.endsWith('http.unstorable_text'))).toBe(true);

    // Every command the runs got accepted ends, and none ends in an internal error (text the database refused,
    // a handler that broke): what the edge accepts, the worker can store.
    const outcomes = await eventually(async () => {
      const { rows } = await sql<{ type: string; status: string; error: { status?: number } | null }>`
        select type, status, error from platform.commands where created_at >= ${started}
      `.execute(system.db);
      return rows.every((row) => row.status === 'succeeded' || row.status === 'failed') ? rows : undefined;
    }, 30_000);
    expect(outcomes.filter((row) => (row.error?.status ?? 0) >= 500)).toEqual([]);
  }, 300_000);
});
