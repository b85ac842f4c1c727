// Which pending changesets (`.changeset/*.md`) bump a package by a major version.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names of the pending changeset files in `dir` that give some package a `major` bump. */
export function majorChangesets(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .filter((file) => {
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'));
      return front !== null && /^\s*["']?[^"'\n]+["']?\s*:\s*major\s*$/m.test(front[1]);
    })
    .sort();
}
