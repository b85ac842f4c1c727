import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/build-app.js';
import { modules } from '../src/modules.js';
import { type HttpServer, serveHttp } from '../src/serve-http.js';
import { fakePlatform } from './fake-platform.js';

function chromiumBinary(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') return override;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  throw new Error(
    'Chromium is needed to check that /docs renders offline: run `apt-get update && apt-get install -y chromium` ' +
      '(or point CHROMIUM_PATH at a Chromium binary).',
  );
}

describe('GET /docs in a real browser, with no network', () => {
  let server: HttpServer;
  let profile: string;

  beforeAll(async () => {
    const { container, logger } = fakePlatform();
    server = await serveHttp(
      buildApp(container, modules, logger, { corsOrigins: [], bodyLimitBytes: 1024 }),
      {
        port: 0,
        hostname: '127.0.0.1',
      },
    );
    profile = mkdtempSync(join(tmpdir(), 'cf-chromium-'));
  });

  afterAll(async () => {
    await server?.close(1_000);
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it('renders the operations of /openapi.json from assets the app serves itself', async () => {
    const { stdout } = await promisify(execFile)(
      chromiumBinary(),
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Any host but the app's is unresolvable: a CDN reference would leave the page blank.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        `--user-data-dir=${profile}`,
        '--virtual-time-budget=10000',
        '--dump-dom',
        `${server.url}/docs`,
      ],
      { timeout: 50_000, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(stdout).toContain('contextflow API');
    expect(stdout).toContain('data-path="/commands/{id}"');
    expect(stdout).toContain('data-path="/health/ready"');
  });
});
