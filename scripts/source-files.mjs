// Source files of a workspace package and the imports in them, for the repository's checks.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript source file under `dir` (no declarations, nothing in node_modules or dist). */
export function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(m|c)?tsx?$/.test(entry) && !entry.endsWith('.d.ts')) yield full;
  }
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Import specifiers of a source file, with line numbers; comments are skipped roughly (line and block). */
export function importsOf(text) {
  const clean = text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  const found = [];
  for (const m of clean.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const line = clean.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
    found.push({ spec, line });
  }
  return found;
}

/** Whether a source file is a test (unit, integration or end-to-end), never shipped. */
export function isTestFile(file) {
  return /\.(test|integration\.test|e2e\.test)\.ts$/.test(file);
}
