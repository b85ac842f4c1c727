#!/usr/bin/env node
// `pnpm gen:context <name> [--aggregate <name>]`: creates the three packages of a new bounded context from
// the context template of packages/create-service (aggregate, one command and handler, one query, migration, routes, an event reaction, module,
// tests), wires it into both apps, the boundary rules, the changeset groups, the API document and the HTTP
// contract's route tables, formats what it wrote, and prints what to do next. `--root <dir>` works on another
// copy of the repository.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The context template lives in the create package, which writes it into new services too: one template.
import { namesOf, writeContext } from '../../packages/create-service/src/context.js';
import { wireContext } from './wire-context.mjs';

export { namesOf };

/** Writes the three packages and wires them in; returns the paths it created and changed. */
export function generateContext(root, names) {
  const packages = ['domain', 'app', 'infra'].map((layer) => `packages/${names.ctx}-${layer}`);
  const taken = packages.filter((dir) => existsSync(join(root, dir)));
  if (taken.length > 0) throw new Error(`${taken.join(', ')} already exist(s)`);
  const created = writeContext(join(root, 'packages'), names).map((path) => `packages/${path}`);
  const changed = wireContext(root, names);
  const biome = spawnSync(
    join(root, 'node_modules/.bin/biome'),
    ['format', '--write', ...packages, ...changed],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (biome.status !== 0) {
    throw new Error(
      `biome could not format the generated files (run pnpm install first?): ${biome.error?.message ?? biome.stderr}`,
    );
  }
  return { packages, created, changed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (flag) => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args.splice(at, 2)[1];
  };
  const root = option('--root') ?? fileURLToPath(new URL('../..', import.meta.url));
  const aggregate = option('--aggregate');
  try {
    const names = namesOf(args[0], aggregate);
    const { packages, changed } = generateContext(root, names);
    console.log(`gen:context: created the ${names.ctx} context (aggregate ${names.Agg}):`);
    for (const dir of packages) console.log(`  + ${dir}`);
    for (const file of changed) console.log(`  ~ ${file}`);
    console.log(`
Next:
  pnpm install            # links the new packages
  pnpm api:snapshot       # records POST /${names.ctx} and GET /${names.ctx}/{id} in openapi.snapshot.json and the client
  pnpm test               # layer rules, boundaries, types, lint, unit and integration tests (it all passes as generated)
Then make it yours: the aggregate (packages/${names.ctx}-domain/src/${names.agg}.ts), its commands and queries
(packages/${names.ctx}-app/src), the migration and routes (packages/${names.ctx}-infra/src) with their rows in docs/http-api.md, and add a
changeset.`);
  } catch (error) {
    console.error(`gen:context: ${error.message}`);
    process.exit(1);
  }
}
