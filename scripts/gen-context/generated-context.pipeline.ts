import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const copy = mkdtempSync(join(tmpdir(), 'cf-gen-context-'));
const skip = /(^|\/)(node_modules|dist|\.turbo|\.git|coverage)(\/|$)/;
const timings: string[] = [];

/** Runs a command in the copy; fails with its output when it exits non-zero. */
function run(command: string, args: string[]): SpawnSyncReturns<string> {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  timings.push(`${command} ${args.join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

afterAll(() => {
  console.log(`generator + generated-context pipeline:\n  ${timings.join('\n  ')}`);
  rmSync(copy, { recursive: true, force: true });
});

describe('pnpm gen:context in a scratch copy of the repository', () => {
  it('creates a context whose packages, wiring, routes and tests pass the pipeline', () => {
    const started = Date.now();
    cpSync(root, copy, { recursive: true, filter: (src) => !skip.test(src.slice(root.length)) });
    run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only']);

    const generated = run('pnpm', ['gen:context', 'orders']);
    expect(generated.stdout).toContain('+ packages/orders-infra');
    expect(generated.stdout).toContain('pnpm api:snapshot');

    run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--reporter=append-only']);
    run('pnpm', ['api:snapshot']);
    const paths = JSON.parse(readFileSync(join(copy, 'openapi.snapshot.json'), 'utf8')).paths;
    expect(Object.keys(paths['/orders'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/orders/{id}'] ?? {})).toEqual(['get']);

    run('node', ['scripts/check-layers.mjs']);
    // The generated context has the one skeleton (the check also reports anything else it finds).
    run('node', ['scripts/check-skeleton.mjs']);
    run('node_modules/.bin/biome', ['format', 'packages', 'apps', 'turbo.json', '.changeset']);
    run('node_modules/.bin/turbo', [
      'run',
      'typecheck',
      'lint',
      'lint:package',
      'test',
      'test:integration',
      'api:check',
      '--filter=@contextflow/orders-*',
      '--filter=@contextflow/client',
      '--output-logs=errors-only',
    ]);
    run('node_modules/.bin/turbo', [
      'run',
      'typecheck',
      'lint',
      'test',
      '--filter=@contextflow/http',
      '--filter=@contextflow/worker',
      '--output-logs=errors-only',
    ]);
    run('node_modules/.bin/turbo', ['boundaries']);
    timings.push(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
