// What a team that calls the API writes: a client generated from /openapi.json by openapi-typescript (types only,
// `api.ts` beside this file at test time) with openapi-fetch, no contextflow package. The test type-checks it
// with tsc, then runs it against the running system. It prints one JSON line: what it saw.
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const baseUrl = process.env.API_BASE_URL ?? 'http://127.0.0.1:3000';
const email = process.env.API_EMAIL ?? 'team@example.com';
const password = 'a long and unusual passphrase';

const api = createClient<paths>({ baseUrl });

function fail(step: string, status: number, error: unknown): never {
  throw new Error(`${step} answered ${status}: ${JSON.stringify(error)}`);
}

// Register, and wait for the command in the same request.
const registered = await api.POST('/auth/register', {
  body: { email, password, name: 'Generated Client' },
  params: { header: { prefer: 'wait=10' } },
});
if (registered.data === undefined) fail('register', registered.response.status, registered.error);
const registration = registered.data;
if (!('status' in registration) || registration.status !== 'succeeded') {
  fail('register (the command)', registered.response.status, registration);
}

const signedIn = await api.POST('/auth/login', { body: { email, password } });
if (signedIn.data === undefined) fail('login', signedIn.response.status, signedIn.error);
const { accessToken, tokenType, expiresIn } = signedIn.data;
const authorization = `${tokenType} ${accessToken}`;

// The profile follows the registration: eventually consistent.
async function me() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const reply = await api.GET('/users/me', { headers: { authorization } });
    if (reply.data !== undefined) return reply.data;
    if (reply.response.status !== 404) fail('GET /users/me', reply.response.status, reply.error);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('GET /users/me never found the profile');
}
const before = await me();

const renamed = await api.PATCH('/users/{id}', {
  params: { path: { id: before.id }, header: { prefer: 'wait=10' } },
  body: { name: 'Generated Client, renamed' },
  headers: { authorization },
});
if (renamed.data === undefined) fail('rename', renamed.response.status, renamed.error);
const refused = await api.PATCH('/users/{id}', {
  params: { path: { id: before.id } },
  body: { name: '   ' },
  headers: { authorization },
});
const after = await me();

console.log(
  JSON.stringify({
    registered: registration.status,
    expiresIn,
    before: before.name,
    renamed: renamed.response.status,
    refused: { status: refused.response.status, pointer: refused.error?.errors?.[0]?.pointer },
    after: after.name,
  }),
);
