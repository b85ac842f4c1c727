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

/** `pkg` is a package directory under `packages/` (`users-infra`) or a path from the root (`apps/worker`). */
const packageDir = (dir: string, pkg: string) => join(dir, pkg.includes('/') ? pkg : join('packages', pkg));

function addDependency(
  dir: string,
  pkg: string,
  dep: string,
  field: 'dependencies' | 'devDependencies' = 'dependencies',
): void {
  const file = join(packageDir(dir, pkg), 'package.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  json[field] = {
    ...json[field],
    [dep]: dep.startsWith('@contextflow/') ? 'workspace:^' : '^1.0.0',
  };
  writeFileSync(file, JSON.stringify(json, null, 2));
}

/** Writes `code` to `src/<path>` of the package (default `src/violation.ts`). */
function addSource(dir: string, pkg: string, code: string, path = 'violation.ts'): void {
  writeFileSync(join(packageDir(dir, pkg), 'src', path), code);
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

  it('rejects a context infra package that lists the runtime in its dependencies', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-infra', '@contextflow/runtime');
    expect(checkLayers(dir)).toEqual([
      `packages/users-infra/package.json: dependencies lists "@contextflow/runtime": an infra package may depend on core, core-infra, the HTTP kit, its own domain and app packages, and another context's -app /contracts only (the runtime as a devDependency, for its tests)`,
    ]);
  });

  it("rejects a context's shipped code importing the runtime its tests use", () => {
    const dir = workspaceCopy();
    addSource(dir, 'users-infra', "export { createRuntime } from '@contextflow/runtime';\n");
    expect(checkLayers(dir)).toEqual([
      'packages/users-infra/src/violation.ts:1 imports "@contextflow/runtime", a devDependency, from shipped code',
    ]);
  });

  it('rejects a context listing the embedded adapter, even for its tests', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-infra', '@contextflow/embedded', 'devDependencies');
    expect(checkLayers(dir)).toEqual([
      `packages/users-infra/package.json: devDependencies lists "@contextflow/embedded": an infra package may depend on core, core-infra, the HTTP kit, its own domain and app packages, and another context's -app /contracts only (the runtime as a devDependency, for its tests)`,
    ]);
  });

  it('rejects the embedded adapter among the dependencies of an app', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'apps/worker', '@contextflow/embedded');
    expect(checkLayers(dir)).toEqual([
      'apps/worker/package.json: dependencies lists "@contextflow/embedded": the embedded adapter is a devDependency only: dev entry points and tests use it, never a shipped package',
    ]);
  });

  it("rejects the embedded adapter imported by an app's code other than its dev entry point", () => {
    const dir = workspaceCopy();
    addSource(dir, 'apps/http', "export { embeddedDatabase } from '@contextflow/embedded';\n");
    expect(checkLayers(dir)).toEqual([
      'apps/http/src/violation.ts:1 imports "@contextflow/embedded": the embedded adapter is for dev entry points (an app\'s src/dev.ts) and tests only',
    ]);
  });

  it('rejects the kernel depending on the runtime', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'core-infra', '@contextflow/runtime');
    expect(checkLayers(dir)).toEqual([
      'packages/core-infra/package.json: dependencies lists "@contextflow/runtime": core-infra (the kernel) may depend on @contextflow/core and adapter libraries only',
    ]);
  });

  it('rejects core installing zod: its ./contracts entry point takes it as an optional peer only', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'core', 'zod');
    expect(checkLayers(dir)).toEqual([
      'packages/core/package.json: dependencies lists "zod": core may depend on nothing at runtime (zod only as the optional peer of its ./contracts entry point)',
    ]);
  });

  it('rejects zod imported by core outside its ./contracts entry point', () => {
    const dir = workspaceCopy();
    addSource(dir, 'core', "import { z } from 'zod';\nexport const id = z.uuid();\n");
    expect(checkLayers(dir)).toEqual([
      'packages/core/src/violation.ts:1 imports "zod": only core\'s ./contracts entry point (src/contracts/) may import zod: the rest of the kernel depends on nothing',
    ]);
  });

  it('rejects two folders of a package that import each other', () => {
    const dir = workspaceCopy();
    addSource(
      dir,
      'runtime',
      "export { createRuntime } from '../runtime/create-runtime.js';\n",
      'database/violation.ts',
    );
    expect(checkLayers(dir)).toEqual([
      expect.stringMatching(
        /^packages\/runtime\/src: folders import each other in a circle: database → runtime → database \(database\/violation\.ts:1 imports "\.\.\/runtime\/create-runtime\.js"; runtime\/[a-z-]+\.ts:\d+ imports "\.\.\/database\/[a-z-]+\.js"\); move what they share into a folder both import$/,
      ),
    ]);
  });

  it('counts the files at the root of src as a folder of their own', () => {
    const dir = workspaceCopy();
    addSource(dir, 'users-infra', "export { usersModule } from '../module.js';\n", 'http/violation.ts');
    expect(checkLayers(dir)).toEqual([
      expect.stringMatching(
        /^packages\/users-infra\/src: folders import each other in a circle: \. → http → \. /,
      ),
    ]);
  });

  it('leaves tests out of the folder circles: nothing imports a test', () => {
    const dir = workspaceCopy();
    addSource(dir, 'runtime', "import '../runtime/create-runtime.js';\n", 'database/violation.test.ts');
    expect(checkLayers(dir)).toEqual([]);
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

describe('turbo boundaries: the platform packages', () => {
  it('rejects a context depending on the embedded adapter, even as a devDependency', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-infra', '@contextflow/embedded', 'devDependencies');
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toMatch(/layer:embedded/);
    expect(status).not.toBe(0);
  });

  it('rejects a context depending on the docs page', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'users-infra', '@contextflow/http-docs');
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toMatch(/layer:http-docs/);
    expect(status).not.toBe(0);
  });

  it('rejects the kernel depending on the runtime', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'core-infra', '@contextflow/runtime');
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toMatch(/layer:runtime/);
    expect(status).not.toBe(0);
  });

  it('rejects the runtime depending on the HTTP kit', () => {
    const dir = workspaceCopy();
    addDependency(dir, 'runtime', '@contextflow/http-kit');
    const { status, output } = runTurboBoundaries(dir);
    expect(output).toMatch(/layer:http-kit/);
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
