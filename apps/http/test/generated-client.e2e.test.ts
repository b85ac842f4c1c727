import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type System } from './support/system.js';

const run = promisify(execFile);
const appDir = fileURLToPath(new URL('../', import.meta.url));
const programDir = join(appDir, 'test', 'generated-client');
const bin = (name: string) => join(appDir, 'node_modules', '.bin', name);
// The workspace's TypeScript, as `pnpm typecheck` runs it.
const tsc = join(appDir, '..', '..', 'node_modules', '.bin', 'tsc');

// A team that calls the API generates its own client from /openapi.json with the ecosystem's tools
// (openapi-typescript for the types, openapi-fetch for the calls): the document must be enough for that.
describe('a client generated from the served /openapi.json', () => {
  let system: System;
  let work: string;

  beforeAll(async () => {
    system = await startSystem();
    // Inside apps/http, so the program resolves openapi-fetch and @types/node from this package's dependencies.
    work = mkdtempSync(join(programDir, 'out-'));
    for (const file of ['program.ts', 'tsconfig.json'])
      copyFileSync(join(programDir, file), join(work, file));
    const document = await fetch(`${system.baseUrl}/openapi.json`);
    expect(document.status).toBe(200);
    writeFileSync(join(work, 'openapi.json'), await document.text());
  }, 120_000);

  afterAll(async () => {
    await system?.close();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('generates, type-checks, and runs register → login → GET /users/me → rename against the system', async () => {
    await run(bin('openapi-typescript'), ['openapi.json', '--output', 'api.ts'], { cwd: work });
    await run(tsc, ['-p', 'tsconfig.json'], { cwd: work }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(
          `the program does not type-check against the generated client:\n${error.stdout}${error.stderr}`,
        );
      },
    );
    const { stdout } = await run(process.execPath, ['program.ts'], {
      cwd: work,
      env: { ...process.env, API_BASE_URL: system.baseUrl, API_EMAIL: 'generated-client@example.com' },
    });
    expect(JSON.parse(stdout.trim())).toEqual({
      registered: 'succeeded',
      expiresIn: 900,
      before: 'Generated Client',
      renamed: 200,
      refused: { status: 422, pointer: '/name' },
      after: 'Generated Client, renamed',
    });
  });
});
