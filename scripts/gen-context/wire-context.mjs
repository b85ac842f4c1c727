// Wires a generated context into the repository: both apps' module lists and dependencies, the boundary
// rules between contexts, the changeset version groups, the composed API document of the client, and the
// context's route table in the HTTP contract (docs/http-api.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, json) => writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

function edit(file, change) {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`could not wire ${file}: its shape is not the expected one`);
  writeFileSync(file, after);
}

/** Adds `import { <ctx>Module }` and appends the module to the first array literal assigned to `list`. */
function addModule(file, names, list) {
  const module = `${names.ctx}Module`;
  const line = `import { ${module} } from '@contextflow/${names.ctx}-infra';`;
  edit(file, (text) => {
    const lines = text.split('\n');
    const last = lines.findLastIndex((l) => l.startsWith('import ') || l.startsWith('} from '));
    lines.splice(last + 1, 0, line);
    return lines
      .join('\n')
      .replace(
        new RegExp(`(${list}[^=]*=\\s*\\[)([^\\]]*?)(,?\\s*\\])`),
        (_, open, items, close) => `${open}${items}, ${module}${close.replace(/^,/, '')}`,
      );
  });
}

/** Inserts the context's route table into the HTTP contract, before its Operations section. */
function addContractSection(file, names) {
  const section = [
    `## ${names.Ctx} context`,
    '',
    '| method | path | who | body | answer |',
    '| --- | --- | --- | --- | --- |',
    `| POST | /${names.ctx} | signed in | \`{ title }\` | 202 \`{ commandId, ${names.agg}Id }\` |`,
    `| GET | /${names.ctx}/{id} | signed in | | 200 ${names.Agg}View \`{ id, title, createdAt, updatedAt }\` |`,
    '',
    '## Operations',
  ].join('\n');
  edit(file, (text) => text.replace(/^## Operations$/m, section));
}

/** Applies every edit; returns the repository-relative paths it changed. */
export function wireContext(root, names) {
  const infra = `@contextflow/${names.ctx}-infra`;
  const changed = [];
  for (const app of ['http', 'worker']) {
    addModule(join(root, `apps/${app}/src/modules.ts`), names, 'modules');
    const manifest = join(root, `apps/${app}/package.json`);
    const json = readJson(manifest);
    json.dependencies = sorted({ ...json.dependencies, [infra]: 'workspace:^' });
    writeJson(manifest, json);
    changed.push(`apps/${app}/src/modules.ts`, `apps/${app}/package.json`);
  }

  const turbo = readJson(join(root, 'turbo.json'));
  const tags = turbo.boundaries.tags;
  const tag = `context:${names.ctx}`;
  const others = Object.keys(tags).filter((name) => name.startsWith('context:') && name !== tag);
  for (const other of others) {
    const deny = tags[other].dependencies?.deny ?? [];
    tags[other].dependencies = { ...tags[other].dependencies, deny: [...deny, tag] };
  }
  tags[tag] = { dependencies: { deny: others } };
  writeJson(join(root, 'turbo.json'), turbo);
  changed.push('turbo.json');

  const changesets = readJson(join(root, '.changeset/config.json'));
  changesets.fixed = [
    ...changesets.fixed,
    ['domain', 'app', 'infra'].map((l) => `@contextflow/${names.ctx}-${l}`),
  ];
  writeJson(join(root, '.changeset/config.json'), changesets);
  changed.push('.changeset/config.json');

  addModule(join(root, 'packages/client/scripts/openapi-document.mjs'), names, 'const modules');
  const client = join(root, 'packages/client/package.json');
  const clientJson = readJson(client);
  clientJson.devDependencies = sorted({ ...clientJson.devDependencies, [infra]: 'workspace:^' });
  writeJson(client, clientJson);
  changed.push('packages/client/scripts/openapi-document.mjs', 'packages/client/package.json');

  addContractSection(join(root, 'docs/http-api.md'), names);
  changed.push('docs/http-api.md');
  return changed;
}
