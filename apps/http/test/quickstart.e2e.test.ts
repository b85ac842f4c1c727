import { fileURLToPath } from 'node:url';
import { type AppProcess, freePorts, logMessage, startProcess } from '@contextflow/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/accounts.js';
import { client } from './support/http-client.js';
import { DEV_MAIN } from './support/system.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let dev: AppProcess;
let baseUrl: string;

beforeAll(async () => {
  const port = (await freePorts(1))[0]!;
  // As `pnpm dev` runs it from a newcomer's shell: from the repository root, no configuration but the ports
  // (free ones, so parallel runs on this machine never collide).
  const shell = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  );
  dev = startProcess('pnpm dev', [DEV_MAIN], {
    env: { ...shell, PORT: String(port), METRICS_PORT: '0' },
    cwd: repoRoot,
  });
  await dev.waitForLine(logMessage('dev ready'), 90_000);
  baseUrl = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  await dev?.stop();
});

describe('the quick start: `pnpm dev` with nothing else installed or configured', () => {
  it('says it runs embedded and where the API and its docs are', () => {
    const banner = dev.lines.find((line) => line.startsWith('contextflow running'));
    expect(banner).toBe(
      `contextflow running EMBEDDED (PGlite in memory, in-process messaging) — API ${baseUrl}, docs ${baseUrl}/docs`,
    );
  });

  it('registers, signs in and serves the new user their profile', async () => {
    const call = client(baseUrl);
    const account = await signUp(call, 'newcomer@example.com', 'New Comer');
    const me = await call<{ id: string; email: string; name: string }>('GET', '/users/me', {
      token: account.accessToken,
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: account.userId, email: 'newcomer@example.com', name: 'New Comer' });
  });

  it('serves the interactive docs and the OpenAPI document', async () => {
    const docs = await fetch(`${baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    const openapi = await fetch(`${baseUrl}/openapi.json`);
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/auth/register', '/users/me']));
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await dev.stop()).toBe(0);
  });
});
