import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/build-app.js';
import { modules } from '../src/modules.js';
import { fakePlatform } from './fake-platform.js';

const run = promisify(execFile);
const appDir = fileURLToPath(new URL('../', import.meta.url));
const bin = (name: string) => join(appDir, 'node_modules', '.bin', name);
// Neither tool may reach the network while it lints: no telemetry, no update check, local rulesets only.
const OFFLINE_ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
};

/** Runs a linter that exits non-zero when it finds problems, and returns what it printed on stdout. */
async function lint(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd: appDir,
      env: OFFLINE_ENV,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (stdout === undefined || stdout === '')
      throw new Error(`${command} failed: ${stderr ?? String(error)}`);
    return stdout;
  }
}

// The document apps/http serves, linted as other teams' tools read it, with each tool's own rule set as it
// ships (redocly.yaml: `recommended`; .spectral.yaml: `spectral:oas`), nothing switched off.
describe('the served /openapi.json, as third-party API tools read it', () => {
  let dir: string;
  let document: string;

  beforeAll(async () => {
    const { container, logger } = fakePlatform();
    const app = buildApp(container, modules, logger, { corsOrigins: [], bodyLimitBytes: 1024 });
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    dir = mkdtempSync(join(tmpdir(), 'cf-api-lint-'));
    document = join(dir, 'openapi.json');
    writeFileSync(document, await response.text());
  });

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('has no error and no warning from Redocly CLI (recommended)', async () => {
    const out = await lint(bin('redocly'), [
      'lint',
      document,
      '--config',
      'redocly.yaml',
      '--format',
      'json',
    ]);
    const report = JSON.parse(out) as {
      totals: { errors: number; warnings: number; ignored: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it('has no problem of any severity from Spectral (spectral:oas)', async () => {
    const output = join(dir, 'spectral.json');
    await lint(bin('spectral'), [
      'lint',
      document,
      '--ruleset',
      '.spectral.yaml',
      '--format',
      'json',
      '--output',
      output,
    ]).catch(() => undefined);
    const results = JSON.parse(readFileSync(output, 'utf8')) as {
      code: string;
      message: string;
      path: string[];
    }[];
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });
});
