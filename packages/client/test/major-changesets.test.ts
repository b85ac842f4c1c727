import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { majorChangesets } from '../scripts/major-changesets.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function changesets(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-changesets-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('majorChangesets', () => {
  it('names the pending changesets that bump some package by a major version', () => {
    const dir = changesets({
      'README.md': '---\n"@contextflow/client": major\n---\n',
      'big-cats.md':
        '---\n"@contextflow/users-infra": minor\n"@contextflow/client": major\n---\n\nRemoved GET /users.\n',
      'small-dogs.md': "---\n'@contextflow/core': patch\n---\n\nA fix; the word major: here is prose.\n",
    });
    expect(majorChangesets(dir)).toEqual(['big-cats.md']);
  });

  it('finds none in a missing directory', () => {
    expect(majorChangesets(join(tmpdir(), 'cf-no-such-dir'))).toEqual([]);
  });
});
