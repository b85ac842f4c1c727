import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain script of the repository, without types
import { incompleteRun } from './turbo-complete.mjs';

const SCRIPT = new URL('./turbo-complete.mjs', import.meta.url).pathname;
const bin = mkdtempSync(join(tmpdir(), 'turbo-complete-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** Runs the script with a stand-in `turbo` that prints `output` and exits with `code`. */
function runWith(output: string, code: number) {
  const fake = join(bin, 'turbo');
  writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' '${output}'\nexit ${code}\n`);
  chmodSync(fake, 0o755);
  return spawnSync(process.execPath, [SCRIPT, 'run', 'test'], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    encoding: 'utf8',
  });
}

// `./run test` runs its turbo tasks through it: turbo stopped by a signal exits 0 with tasks left undone.
describe('turbo-complete', () => {
  it('passes a run whose every task succeeded, colored or not', () => {
    expect(
      incompleteRun(' Tasks:    98 successful, 98 total\nCached:    0 cached, 98 total'),
    ).toBeUndefined();
    expect(incompleteRun(' \u001b[1mTasks:\u001b[22m    3 successful, 3 total')).toBeUndefined();
  });

  it('names a run cut short; a run with nothing to do prints no summary and passes', () => {
    expect(incompleteRun(' Tasks:    22 successful, 39 total')).toBe('only 22 of 39 turbo tasks succeeded');
    expect(incompleteRun('No tasks were executed as part of this run.')).toBeUndefined();
  });

  it('fails when turbo exits 0 with tasks undone, and passes its output through', () => {
    const run = runWith(' Tasks:    22 successful, 39 total', 0);
    expect(run.stdout).toContain('22 successful, 39 total');
    expect(run.stderr).toContain('only 22 of 39 turbo tasks succeeded');
    expect(run.status).toBe(1);
  });

  it("passes a complete run and keeps a failing run's exit code", () => {
    expect(runWith(' Tasks:    5 successful, 5 total', 0).status).toBe(0);
    expect(runWith(' Tasks:    4 successful, 5 total', 3).status).toBe(3);
  });
});
