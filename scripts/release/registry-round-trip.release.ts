import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRegistry, startLocalRegistry } from './verdaccio.js';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../packages/runtime/src/testing/create-test-database.js';
import { driveService, publishPatchWithMigration, startDev } from './generated-service.js';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'cf-registry-'));
const scratch = join(work, 'service');
// A new team's service: outside the workspace, written by the create package from the registry.
const created = join(work, 'teams', 'shop');
const timings: string[] = [];
let registry: LocalRegistry;

/** Runs a command; fails the test with its output when it exits non-zero. */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  timeout = 170_000,
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NPM_CONFIG_USERCONFIG: registry.npmrc, ...env },
    timeout,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** Name → version of every package the release publishes (public workspace packages). */
function publishable(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of readdirSync(join(root, 'packages'))) {
    const json = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    if (json.private !== true) out[json.name] = json.version;
  }
  return out;
}

/** The workspace catalog's version ranges, so the scratch service uses what the packages were built against. */
function catalog(): Record<string, string> {
  const text = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^catalog:\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/^\s+"?([^":\s]+)"?:\s*(\S+)/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
}

beforeAll(async () => {
  registry = await startLocalRegistry(join(work, 'registry'));
  // The README's release command, against the local registry (no git tags from a test).
  let started = Date.now();
  run('pnpm', ['release', '--no-git-tag'], root);
  console.log(`release (build + publish): ${Date.now() - started} ms`);
  started = Date.now();

  const versions = catalog();
  const packages = publishable();
  cpSync(join(root, 'scripts/release/scratch-service'), scratch, { recursive: true });
  const third = ['hono', '@hono/node-server', '@hono/zod-openapi', 'zod', 'tsyringe', 'reflect-metadata'];
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({
      name: 'scratch-service',
      private: true,
      type: 'module',
      dependencies: {
        ...Object.fromEntries(
          [
            'auth-infra',
            'client',
            'core',
            'core-infra',
            'http-docs',
            'http-kit',
            'runtime',
            'users-infra',
          ].map((n) => [`@contextflow/${n}`, packages[`@contextflow/${n}`]]),
        ),
        ...Object.fromEntries(third.map((name) => [name, versions[name]])),
      },
      devDependencies: { '@types/node': versions['@types/node'], typescript: '7.0.2' },
    }),
  );
  // swagger-ui-dist (the docs page of http-docs) pulls in a usage-telemetry install script: never run it.
  writeFileSync(join(scratch, 'pnpm-workspace.yaml'), 'allowBuilds:\n  "@scarf/scarf": false\n');
  run('pnpm', ['install', '--prefer-offline', '--reporter=append-only'], scratch);
  console.log(`scratch install: ${Date.now() - started} ms`);
});

afterAll(async () => {
  console.log(`generated service:\n  ${timings.join('\n  ')}`);
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the packages from a private registry', () => {
  it('published every public package of the workspace, without the source condition or workspace ranges', async () => {
    const published: Record<string, string> = {};
    const leaks: string[] = [];
    for (const name of Object.keys(publishable())) {
      const reply = await fetch(`${registry.url}${name.replace('/', '%2f')}`, {
        headers: { authorization: `Bearer ${registry.token}` },
      });
      if (!reply.ok) {
        published[name] = `${reply.status}`;
        continue;
      }
      const packument = (await reply.json()) as {
        'dist-tags': { latest: string };
        versions: Record<string, Record<string, unknown>>;
      };
      const latest = packument['dist-tags'].latest;
      published[name] = latest;
      const manifest = JSON.stringify(packument.versions[latest]);
      for (const leak of ['@contextflow/source', 'workspace:', 'catalog:']) {
        if (manifest.includes(leak)) leaks.push(`${name}: ${leak}`);
      }
      // TypeScript sources as entry points (create-service ships plain JavaScript in src/: that is no leak).
      if (/"\.\/src\/[^"]*\.ts"/.test(manifest)) leaks.push(`${name}: ./src/*.ts`);
    }
    expect(published).toEqual(publishable());
    expect(leaks).toEqual([]);
  });

  it('type-check a service composing users and auth into its own Hono app and container', () => {
    const result = run(join(scratch, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], scratch);
    expect(result.stdout).toBe('');
  });

  it('run that service on PostgreSQL and RabbitMQ: register → login → me through @contextflow/client', () => {
    const result = run(process.execPath, ['src/round-trip.ts'], scratch);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ status: 'active' });
  });
});

describe('a new service from `pnpm create @contextflow/service`, installed from the registry', () => {
  const timed = <T>(label: string, work: () => T): T => {
    const started = Date.now();
    try {
      return work();
    } finally {
      timings.push(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  let createdAt = 0;
  let database: TestDatabase | undefined;

  afterAll(async () => {
    await database?.drop();
  });

  it('writes the service outside the workspace, non-interactively, and installs it', () => {
    mkdirSync(join(work, 'teams'), { recursive: true });
    createdAt = Date.now();
    const result = timed('create (write + toolchain + install)', () =>
      run(
        'pnpm',
        ['create', '@contextflow/service', 'shop', '--contexts', 'users,auth', '--context', 'orders'],
        join(work, 'teams'),
      ),
    );
    expect(result.stdout).toContain('./run dev');
    expect(existsSync(join(created, 'pnpm-lock.yaml'))).toBe(true);
    // The CI workflows are this repository's own files, not copies that could drift.
    for (const file of [
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      'scripts/toolchain.sh',
    ]) {
      expect(readFileSync(join(created, file), 'utf8')).toBe(readFileSync(join(root, file), 'utf8'));
    }
    const manifest = JSON.parse(readFileSync(join(created, 'apps/http/package.json'), 'utf8'));
    expect(manifest.dependencies['@contextflow/users-infra']).toBe(
      `^${publishable()['@contextflow/users-infra']}`,
    );
    expect(manifest.dependencies['@shop/orders-infra']).toBe('workspace:^');
  });

  it("passes its own `./run test` (its README's second command) on PostgreSQL and RabbitMQ", () => {
    const result = timed('./run test (generated service)', () =>
      run('./run', ['test'], created, { CI: 'true' }, 600_000),
    );
    timings.push(`create → green test run: ${((Date.now() - createdAt) / 1000).toFixed(1)} s`);
    expect(result.stdout).toMatch(/Tasks:\s+(\d+) successful, \1 total/);
    // Its integration tests ran: the composed service and the migrations, on the real services.
    expect(result.stdout).toContain('@shop/http:test:integration: $ vitest run --mode integration');
    expect(result.stdout).toContain('@shop/orders-infra:test:integration: $ vitest run --mode integration');
  }, 660_000);

  it("runs on embedded defaults (`./run dev`, its README's first command): register → login → me, and its own context", async () => {
    const started = Date.now();
    const service = await startDev(created, { ...process.env, NPM_CONFIG_USERCONFIG: registry.npmrc });
    try {
      const walk = await driveService(service.url, { ctx: 'orders', agg: 'order' });
      expect(walk.registered).toMatchObject({ status: 'succeeded' });
      expect(walk.me).toMatchObject({ name: 'New Team', status: 'active' });
      expect(walk.view).toMatchObject({ id: (walk.created as { orderId: string }).orderId, title: 'First' });
    } finally {
      await service.stop();
    }
    timings.push(`./run dev + HTTP walk: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  it("upgrades to a patch release with a new migration: `pnpm -r up '@contextflow/*'`, then its migrate command", async () => {
    const started = Date.now();
    database = await createTestDatabase();
    const migrate = () =>
      run('pnpm', ['db:migrate'], created, { DATABASE_URL: database?.url, LOG_LEVEL: 'warn' }, 300_000);
    expect(migrate().stdout).toMatch(/migrations applied: .*users\/0001-create-users/);

    const patch = await publishPatchWithMigration({
      registryUrl: registry.url,
      token: registry.token,
      npmrc: registry.npmrc,
      work,
      context: 'users',
    });
    run('pnpm', ['-r', 'up', '@contextflow/*', '--reporter=append-only'], created);
    const installed = JSON.parse(
      readFileSync(join(created, 'apps/worker/node_modules/@contextflow/users-infra/package.json'), 'utf8'),
    );
    expect(installed.version).toBe(patch.version);
    const upgraded = migrate().stdout;
    expect(upgraded).toContain(`migrations applied: ${patch.migration}`);
    expect(migrate().stdout).toContain('migrations applied: none new');
    timings.push(`patch release + upgrade + migrate: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 400_000);
});
