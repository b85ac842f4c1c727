import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ask, parseArgs } from './cli.js';
import { templateFiles } from './context.js';
import { planService, writeService } from './service.js';

const root = new URL('../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'cf-create-service-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const plan = (dir: string, extra: Partial<Parameters<typeof planService>[0]> = {}) =>
  planService({ dir: join(work, dir), contexts: ['users', 'auth'], context: 'orders', ...extra });

describe('the command line', () => {
  it('takes the directory and the flags, with values after a space or an =', () => {
    expect(
      parseArgs(['shop', '--contexts', 'users, auth', '--context=orders', '--no-install']),
    ).toMatchObject({
      dir: 'shop',
      contexts: ['users', 'auth'],
      context: 'orders',
      install: false,
      flags: 2,
    });
  });

  it('refuses an unknown option, a flag without its value and a second directory', () => {
    expect(() => parseArgs(['shop', '--colour', 'red'])).toThrow('unknown option --colour');
    expect(() => parseArgs(['shop', '--context'])).toThrow('--context needs a value');
    expect(() => parseArgs(['shop', '--context', '--no-install'])).toThrow('--context needs a value');
    expect(() => parseArgs(['shop', 'other'])).toThrow('one directory only');
  });

  it('asks for what a terminal user left out, with defaults', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = '';
    output.on('data', (chunk: Buffer) => (asked += chunk.toString()));
    input.end('shop\n\ninvoices\n\n');
    const answers = await ask(parseArgs([]), input, output);
    expect(answers).toMatchObject({ dir: 'shop', contexts: ['users', 'auth'], context: 'invoices' });
    expect(asked).toContain("Your team's first bounded context");
  });
});

describe('planService: bad input gets one clear error, and nothing is written', () => {
  it.each([
    ['Bad_Name', {}, 'cannot name a service'],
    ['fresh', { contexts: ['users', 'auth', 'billing'] }, 'unknown context(s) billing'],
    ['fresh', { contexts: ['users'] }, 'the users context needs auth'],
    ['fresh', { contexts: [] }, 'needs auth'],
    ['fresh', { context: undefined }, "name the team's first bounded context"],
    ['fresh', { context: 'Order-Lines' }, 'one lowercase word'],
    ['fresh', { context: 'users' }, 'reserved'],
    ['fresh', { context: 'orders', aggregate: 'line-item' }, 'aggregate name is one word'],
  ] as const)('%s %j', (dir, extra, message) => {
    expect(() => plan(dir, extra as Partial<Parameters<typeof planService>[0]>)).toThrow(message);
    expect(existsSync(join(work, dir))).toBe(false);
  });

  it('refuses a directory that is not empty', () => {
    mkdirSync(join(work, 'taken'));
    writeFileSync(join(work, 'taken', 'README.md'), 'mine');
    expect(() => plan('taken')).toThrow('exists and is not empty');
    expect(readdirSync(join(work, 'taken'))).toEqual(['README.md']);
  });
});

describe('writeService', () => {
  const dir = join(work, 'shop');
  const written = writeService(plan('shop'));
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  it('writes every template file, with every token filled and no .tpl left', () => {
    expect(written).toContain('packages/orders-infra/src/module.ts');
    expect(written).toContain('apps/http/src/dev.ts');
    expect(written).toContain('.gitignore');
    const files = [...templateFiles(dir)];
    expect(files.filter((file) => file.endsWith('.tpl'))).toEqual([]);
    const leftovers = files.filter((file) => /__[a-zA-Z]+__/.test(read(file) + file));
    expect(leftovers).toEqual([]);
  });

  it('shares the CI workflows, the toolchain and the configurations with this repository, byte for byte', () => {
    for (const file of [
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      'scripts/toolchain.sh',
      'run',
    ])
      expect(read(file)).toBe(readFileSync(join(root, file), 'utf8'));
  });

  it('composes the chosen contexts from the registry and its own from the workspace', () => {
    expect(read('apps/http/src/modules.ts')).toContain('[usersModule, authModule, ordersModule]');
    const http = JSON.parse(read('apps/http/package.json'));
    const version = JSON.parse(readFileSync(join(root, 'packages/users-infra/package.json'), 'utf8')).version;
    expect(http.dependencies).toMatchObject({
      '@contextflow/users-infra': `^${version}`,
      '@shop/orders-infra': 'workspace:^',
      hono: 'catalog:',
    });
    expect(http.devDependencies['@contextflow/embedded']).toBe(`^${version}`);
    const infra = JSON.parse(read('packages/orders-infra/package.json'));
    expect(infra.name).toBe('@shop/orders-infra');
    expect(infra.dependencies['@contextflow/core-infra']).toBe(`^${version}`);
    expect(infra.dependencies['@shop/orders-app']).toBe('workspace:^');
    expect(JSON.stringify(infra)).not.toContain('github.com/contextflow');
    expect(read('pnpm-workspace.yaml')).toMatch(/^ {2}"kysely": \^/m);
  });

  it('gives the service its layer rules, its pipeline and its changeset group', () => {
    const turbo = JSON.parse(read('turbo.json'));
    expect(Object.keys(turbo.boundaries.tags)).toEqual([
      'layer:domain',
      'layer:application',
      'layer:infrastructure',
      'layer:composition',
    ]);
    expect(JSON.parse(read('packages/orders-domain/turbo.json')).tags).toEqual([
      'layer:domain',
      'context:orders',
    ]);
    const scripts = JSON.parse(read('package.json')).scripts;
    expect(scripts.test).toContain('turbo boundaries');
    expect(scripts['test:affected']).toBe(
      scripts.test.replace(' && turbo boundaries', ' --affected && turbo boundaries'),
    );
    expect(JSON.parse(read('.changeset/config.json')).fixed).toEqual([
      ['@shop/orders-domain', '@shop/orders-app', '@shop/orders-infra'],
    ]);
  });

  it('leaves the users steps out of a service without users', () => {
    const authOnly = join(work, 'auth-only');
    writeService(plan('auth-only', { contexts: ['auth'] }));
    const test = readFileSync(join(authOnly, 'apps/http/src/service.integration.test.ts'), 'utf8');
    expect(test).not.toContain('/users/me');
    expect(test).not.toContain(':begin');
    expect(readFileSync(join(dir, 'apps/http/src/service.integration.test.ts'), 'utf8')).toContain(
      '/users/me',
    );
    expect(relative(work, authOnly)).toBe('auth-only');
  });
});
