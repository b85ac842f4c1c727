import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkLayers } from './layers.mjs';

const root = new URL('..', import.meta.url).pathname;
const turbo = join(root, 'node_modules/.bin/turbo');
const copies: string[] = [];

/** A copy of the workspace's sources and manifests (no node_modules) to break on purpose. */
function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-layers-'));
  copies.push(dir);
  const skip = /(^|\/)(node_modules|dist|\.turbo|\.git|coverage)(\/|$)/;
  cpSync(root, dir, { recursive: true, filter: (src) => !skip.test(src.slice(root.length)) });
  return dir;
}

function addDependency(dir: string, pkg: string, dep: string): void {
  const file = join(dir, 'packages', pkg, 'package.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  json.dependencies = {
    ...json.dependencies,
    [dep]: dep.startsWith('@contextflow/') ? 'workspace:^' : '^1.0.0',
  };
  writeFileSync(file, JSON.stringify(json, null, 2));
}

function addSource(dir: string, pkg: string, code: string): void {
  writeFileSync(join(dir, 'packages', pkg, 'src', 'violation.ts'), code);
}

function runTurboBoundaries(dir: string): { status: number | null; output: string } {
  const result = spawnSync(turbo, ['boundaries'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the layer check (scripts/check-layers.mjs)', () => {
  it('passes on the workspace as it is', () => {
    expect(checkLayers(root)).toEqual([]);
  });

  it('rejects a domain package that imports kysely', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-domain', 'kysely');
    addSource(dir, 'users-domain', "import { Kysely } from 'kysely';\nexport const db = Kysely;\n");
    expect(checkLayers(dir)).toEqual([
      'packages/users-domain/package.json: dependencies lists "kysely": a domain package may depend on @contextflow/core only',
    ]);
  });

  it('rejects an app package that imports an infra package', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-app', '@contextflow/users-infra');
    addSource(dir, 'users-app', "export { usersModule } from '@contextflow/users-infra';\n");
    expect(checkLayers(dir)).toContain(
      'packages/users-app/package.json: dependencies lists "@contextflow/users-infra": an app package may depend on @contextflow/core, its own domain package and zod only',
    );
  });

  it("rejects one context's domain importing another's", () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-domain', '@contextflow/auth-domain');
    addSource(dir, 'users-domain', "import type {} from '@contextflow/auth-domain';\n");
    expect(checkLayers(dir)).toEqual([
      'packages/users-domain/package.json: dependencies lists "@contextflow/auth-domain": a domain package may depend on @contextflow/core only',
    ]);
  });

  it("rejects an infra package reaching past another context's contracts", () => {
    const dir = workspaceCopy();
    addSource(dir, 'users-infra', "import type {} from '@contextflow/auth-app';\n");
    expect(checkLayers(dir)).toEqual([
      'packages/users-infra/src/violation.ts:1 imports "@contextflow/auth-app": another context is reachable through "@contextflow/auth-app/contracts" only',
    ]);
  });

  it('rejects an import the package.json does not declare', () => {
    const dir = workspaceCopy();
    addSource(dir, 'users-app', "import { Pool } from 'pg';\nexport const pool = Pool;\n");
    expect(checkLayers(dir)).toEqual([
      'packages/users-app/src/violation.ts:1 imports "pg", which packages/users-app/package.json does not declare',
    ]);
  });

  it('rejects a package that depends on an app', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-infra', '@contextflow/http');
    expect(checkLayers(dir)).toEqual([
      'packages/users-infra/package.json: dependencies lists "@contextflow/http": nothing may depend on an app',
    ]);
  });
});

describe('turbo boundaries (layer tags in turbo.json)', () => {
  it('passes on the workspace as it is', () => {
    const { status, output } = runTurboBoundaries(root);
    expect(output).toContain('no issues found');
    expect(status).toBe(0);
  });

  it('rejects a domain package importing kysely', () => {
    const dir = workspaceCopy();
    addSource(dir, 'users-domain', "import { Kysely } from 'kysely';\nexport const db = Kysely;\n");
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toContain('cannot import package `kysely` because it is not a dependency');
    expect(status).not.toBe(0);
  });

  it('rejects an app package depending on an infra package', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-app', '@contextflow/users-infra');
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toMatch(/layer:infrastructure/);
    expect(status).not.toBe(0);
  });

  it("rejects one context's domain depending on another's", () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-domain', '@contextflow/auth-domain');
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toMatch(/context:auth/);
    expect(status).not.toBe(0);
  });
});

describe("pnpm's strict node_modules", () => {
  const importFrom = (pkgDir: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import('kysely').then(() => process.exit(0), (e) => { console.error(e.code); process.exit(3); })",
      ],
      { cwd: join(root, pkgDir), encoding: 'utf8' },
    );

  it('makes an import the package does not declare fail at run time', () => {
    const result = importFrom('packages/users-domain');
    expect(result.stderr).toContain('ERR_MODULE_NOT_FOUND');
    expect(result.status).toBe(3);
  });

  it('resolves the same import where the package declares it', () => {
    const result = importFrom('packages/users-infra');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
