#!/usr/bin/env node
// The API compatibility gate. Regenerates the OpenAPI document of the composed API and compares it with the
// committed openapi.snapshot.json: a breaking difference fails unless a major changeset is pending; any
// difference fails until the snapshot (and the client's generated types) are updated with `pnpm api:snapshot`.
// `--update` writes both, refusing a breaking change without a major changeset.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffApi } from './api-diff.mjs';
import { generateClientTypes } from './client-types.mjs';
import { majorChangesets } from './major-changesets.mjs';
import { composedDocument } from './openapi-document.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const root = join(pkg, '../..');
const snapshotFile = join(root, 'openapi.snapshot.json');
const typesFile = join(pkg, 'src/api-paths.ts');
const update = process.argv.includes('--update');

function formatted(source, file) {
  const biome = spawnSync(join(root, 'node_modules/.bin/biome'), ['format', `--stdin-file-path=${file}`], {
    input: source,
    encoding: 'utf8',
    cwd: root,
  });
  if (biome.status !== 0) throw new Error(`biome could not format the generated types: ${biome.stderr}`);
  return biome.stdout;
}

const document = await composedDocument();
const snapshot = existsSync(snapshotFile) ? JSON.parse(readFileSync(snapshotFile, 'utf8')) : { paths: {} };
const { breaking, other } = diffApi(snapshot, document);
const majors = majorChangesets(join(root, '.changeset'));
const types = formatted(generateClientTypes(document), relative(root, typesFile));
const typesStale = !existsSync(typesFile) || readFileSync(typesFile, 'utf8') !== types;
const list = (items) => items.map((item) => `  - ${item}`).join('\n');

if (breaking.length > 0) {
  console.error(`api: BREAKING change(s) to the HTTP API since openapi.snapshot.json:\n${list(breaking)}`);
  if (majors.length === 0) {
    console.error(
      'api: a breaking change needs a major changeset: run `pnpm changeset`, pick a major bump of the affected packages (and @contextflow/client), then update the snapshot: pnpm api:snapshot',
    );
    process.exit(1);
  }
  console.error(`api: allowed by the major changeset(s) ${majors.join(', ')}`);
}
if (update) {
  writeFileSync(snapshotFile, `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(typesFile, types);
  console.log(`api: wrote openapi.snapshot.json and ${relative(root, typesFile)}`);
} else if (breaking.length > 0 || other.length > 0 || typesStale) {
  if (other.length > 0)
    console.error(`api: the HTTP API changed since openapi.snapshot.json:\n${list(other)}`);
  if (typesStale && breaking.length + other.length === 0) {
    console.error(`api: ${relative(root, typesFile)} is not what openapi.snapshot.json generates`);
  }
  console.error('api: update the snapshot: pnpm api:snapshot');
  process.exit(1);
} else {
  console.log('api: the HTTP API matches openapi.snapshot.json');
}
