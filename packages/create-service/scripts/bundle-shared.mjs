#!/usr/bin/env node
// `build`: gathers what a generated service shares with the contextflow repository into ./shared (git-ignored,
// published): the CI workflows and their setup action, the toolchain script and the `run`/`.ci/run` entry
// points, the TypeScript, test and lint configurations — one source, this repository's own files — and the
// versions a service depends on (every published @contextflow package, the workspace catalog).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = join(here, '../..');
const out = join(here, 'shared');

/** Files of the repository a service gets as they are (paths from the repository root). */
export const SHARED = [
  '.github/workflows/ci.yml',
  '.github/workflows/release.yml',
  '.github/actions/setup/action.yml',
  '.ci/run',
  'run',
  'scripts/toolchain.sh',
  'tsconfig.base.json',
  'vitest.shared.ts',
  '.oxlintrc.json',
];

rmSync(out, { recursive: true, force: true });
for (const file of SHARED) {
  mkdirSync(join(out, file, '..'), { recursive: true });
  cpSync(join(root, file), join(out, file));
}

/** @type {Record<string, string>} */
const packages = {};
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const file = join(root, 'packages', dir, 'package.json');
  if (!existsSync(file)) continue;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  if (json.private !== true) packages[json.name] = json.version;
}
const workspace = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
const block = /^catalog:\n((?:[ \t]+.*\n?|\s*#.*\n)*)/m.exec(workspace)?.[1] ?? '';
const catalog = Object.fromEntries(
  [...block.matchAll(/^\s+"?([^":\s#]+)"?:\s*(\S+)/gm)].map((m) => [m[1], m[2]]),
);
const rootJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(
  join(out, 'versions.json'),
  `${JSON.stringify({ packages, catalog, tools: rootJson.devDependencies, packageManager: rootJson.packageManager }, null, 2)}\n`,
);
console.log(
  `create-service: bundled ${SHARED.length} shared files and the versions of ${Object.keys(packages).length} packages`,
);
