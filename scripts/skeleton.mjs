// The skeleton every context has, so knowing one means knowing all (the README, "Inside a context"), checked
// against every `<ctx>-domain`, `-app` and `-infra` package of the workspace. Pure: give it a root directory,
// get violation messages back.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isTestFile, sourceFiles } from './source-files.mjs';

const LAYERS = ['domain', 'app', 'infra'];
const pascal = (name) => name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
const rel = (root, path) => relative(root, path).split(sep).join('/');
const read = (path) => readFileSync(path, 'utf8');
const entries = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const isDir = (path) => statSync(path).isDirectory();

/** Every workspace package: directory, name, manifest. */
function packagesOf(root) {
  const out = [];
  for (const parent of ['packages', 'apps']) {
    for (const entry of entries(join(root, parent))) {
      const file = join(root, parent, entry, 'package.json');
      if (existsSync(file)) out.push({ dir: join(root, parent, entry), json: JSON.parse(read(file)) });
    }
  }
  return out;
}

/** The contexts of the workspace: names with at least one `-domain`, `-app` or `-infra` package. */
function contextsOf(packages) {
  const contexts = new Map();
  for (const pkg of packages) {
    const match = /^@contextflow\/([a-z][a-z0-9]*)-(domain|app|infra)$/.exec(pkg.json.name ?? '');
    if (!match || match[1] === 'core') continue;
    const layers = contexts.get(match[1]) ?? {};
    layers[match[2]] = pkg;
    contexts.set(match[1], layers);
  }
  return contexts;
}

/** The names a curated index exports (`export { a, type B } from …`, `export const c`, …). */
export function exportedNames(text) {
  const names = [];
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  for (const m of text.matchAll(
    /export\s+(?:declare\s+)?(?:const|function|class|type|interface|enum)\s+([A-Za-z0-9_$]+)/g,
  ))
    names.push(m[1]);
  return names;
}

/** Names imported from `spec` (exactly) anywhere in `files`. */
function importedFrom(files, spec) {
  const names = new Set();
  const pattern = new RegExp(
    `import\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${spec.replace(/[/\\-]/g, '\\$&')}['"]`,
    'g',
  );
  for (const file of files) {
    for (const m of read(file).matchAll(pattern)) {
      for (const part of m[1].split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** The top-level `{ … }` entries of the array literal that follows `key:` in `text`; null without one. */
function arrayEntries(text, key) {
  const start = text.search(new RegExp(`\\b${key}:\\s*\\[`));
  if (start === -1) return null;
  const open = text.indexOf('[', start);
  const items = [];
  let depth = 0;
  let itemStart = -1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[' || c === '(') {
      if (depth === 0 && c === '{') itemStart = i;
      depth += 1;
    } else if (c === '}' || c === ']' || c === ')') {
      if (depth === 0) break;
      depth -= 1;
      if (depth === 0 && c === '}' && itemStart !== -1) {
        items.push(text.slice(itemStart, i + 1));
        itemStart = -1;
      }
    }
  }
  return items;
}

function checkDomain(root, ctx, pkg) {
  const out = [];
  const src = join(pkg.dir, 'src');
  for (const entry of entries(src)) {
    if (isDir(join(src, entry)))
      out.push(
        `${rel(root, join(src, entry))}: a domain package is flat: move what this folder holds to src/`,
      );
  }
  const errors = join(src, 'errors.ts');
  const name = `${pascal(ctx)}Errors`;
  if (!existsSync(errors)) {
    out.push(`${rel(root, errors)}: missing: every error of the context, as ${name}`);
  } else {
    const text = read(errors);
    const exported = exportedNames(text);
    if (!new RegExp(`export const ${name} = Object\\.freeze\\(\\{`).test(text) || exported.length !== 1)
      out.push(
        `${rel(root, errors)}: errors.ts exports one object, \`export const ${name} = Object.freeze({ … })\`, a factory per error (exports now: ${exported.join(', ') || 'none'})`,
      );
  }
  return out;
}

function checkApp(root, ctx, pkg) {
  const out = [];
  const src = join(pkg.dir, 'src');
  for (const entry of entries(src)) {
    if (!isDir(join(src, entry)) && entry !== 'index.ts')
      out.push(
        `${rel(root, join(src, entry))}: nothing loose at the root of an app package: a use case folder, ports/, contracts/ or testing/`,
      );
  }
  for (const folder of ['ports', 'contracts', 'testing']) {
    if (!existsSync(join(src, folder))) out.push(`${rel(root, join(src, folder))}: missing folder`);
  }
  for (const subpath of ['./contracts', './testing']) {
    if (!pkg.json.exports?.[subpath])
      out.push(`${rel(root, join(pkg.dir, 'package.json'))}: exports has no "${subpath}" entry point`);
  }
  const contracts = join(src, 'contracts');
  const Ctx = pascal(ctx);
  const typesFile = join(contracts, `${ctx}-event-types.ts`);
  const events = entries(contracts).filter((file) => /-v\d+\.ts$/.test(file));
  if (events.length > 0 || existsSync(typesFile)) {
    const types = existsSync(typesFile) ? read(typesFile) : '';
    const tables = [`${Ctx}EventTypes`, `${Ctx}RoutingKeys`];
    const missing = tables.filter(
      (table) => !new RegExp(`export const ${table} = Object\\.freeze\\(`).test(types),
    );
    if (missing.length > 0)
      out.push(
        `${rel(root, typesFile)}: ${existsSync(typesFile) ? '' : 'missing: '}the published event types and their routing keys are two frozen tables, ${tables.join(' and ')} (no ${missing.join(', no ')})`,
      );
  }
  for (const file of events) {
    const text = read(join(contracts, file));
    const contract = pascal(file.replace(/\.ts$/, '')).replace(/V(\d+)$/, 'V$1');
    const schema = new RegExp(`export const ${contract} = eventEnvelope\\(\\s*${Ctx}EventTypes\\.`);
    const type = new RegExp(`export type ${contract} = z\\.infer<typeof ${contract}>`);
    if (!schema.test(text) || !type.test(text))
      out.push(
        `${rel(root, join(contracts, file))}: an event contract is \`export const ${contract} = eventEnvelope(${Ctx}EventTypes.…, <version>, z.object(…))\` and \`export type ${contract} = z.infer<typeof ${contract}>\``,
      );
  }
  for (const file of sourceFiles(src)) {
    if (!isTestFile(file) && /\bimplements\s+EventHandler\b/.test(read(file)))
      out.push(`${rel(root, file)}: an event reaction lives in the infra package's src/amqp/`);
  }
  return out;
}

function checkInfra(root, ctx, pkg) {
  const out = [];
  const src = join(pkg.dir, 'src');
  for (const entry of entries(src)) {
    const allowed = ['index.ts', 'module.ts', 'module.test.ts', 'module.integration.test.ts'];
    if (!isDir(join(src, entry)) && !allowed.includes(entry))
      out.push(
        `${rel(root, join(src, entry))}: an infra package's src holds index.ts, module.ts and folders by technology only`,
      );
  }
  const module = join(src, 'module.ts');
  if (!existsSync(module)) {
    out.push(`${rel(root, module)}: missing: the context's module`);
  } else {
    const text = read(module);
    for (const registration of arrayEntries(text, 'commands') ?? []) {
      const type = /type:\s*([^,}\n]+)/.exec(registration)?.[1]?.trim() ?? registration.slice(0, 40);
      if (/delivery:\s*'in-process'/.test(registration)) continue;
      if (!/\bpayload:/.test(registration))
        out.push(`${rel(root, module)}: the queued command ${type} has no payload schema (\`payload:\`)`);
    }
    for (const subscription of arrayEntries(text, 'events') ?? []) {
      const name = /name:\s*([^,}\n]+)/.exec(subscription)?.[1]?.trim() ?? subscription.slice(0, 40);
      if (!/\bcontracts:/.test(subscription))
        out.push(
          `${rel(root, module)}: the subscription ${name} has no contracts of the events it binds (\`contracts:\`)`,
        );
    }
  }
  const http = join(src, 'http');
  for (const file of entries(http).filter((f) => f.endsWith('-routes.ts'))) {
    const test = join(http, file.replace(/\.ts$/, '.test.ts'));
    if (!existsSync(test) || !/\.request\(/.test(read(test)))
      out.push(
        `${rel(root, join(http, file))}: its routes are tested beside it, through app.request(), in ${rel(root, test)}`,
      );
  }
  for (const file of sourceFiles(src)) {
    const inAmqp = rel(src, file).startsWith('amqp/');
    if (!isTestFile(file) && !inAmqp && /\bimplements\s+EventHandler\b/.test(read(file)))
      out.push(`${rel(root, file)}: an event reaction lives in src/amqp/`);
  }
  return out;
}

/** Names a context package's index exports that no other package of the workspace imports from it. */
function unusedExports(root, pkg, everyFile) {
  const index = join(pkg.dir, 'src', 'index.ts');
  if (!existsSync(index)) return [`${rel(root, index)}: missing: the package's curated index`];
  const others = everyFile.filter((file) => !file.startsWith(pkg.dir + sep));
  const used = importedFrom(others, pkg.json.name);
  const unused = exportedNames(read(index)).filter((name) => !used.has(name));
  return unused.length === 0
    ? []
    : [
        `${rel(root, index)}: exports what no other package imports (${unused.join(', ')}): an index exports what other packages use`,
      ];
}

/** Checks the skeleton of every context; one message per violation, empty when every context has it. */
export function checkSkeleton(root) {
  const packages = packagesOf(root);
  const everyFile = [
    ...packages.flatMap((pkg) => [
      ...sourceFiles(join(pkg.dir, 'src')),
      ...sourceFiles(join(pkg.dir, 'test')),
    ]),
    ...sourceFiles(join(root, 'scripts', 'release', 'scratch-service')),
  ];
  const violations = [];
  for (const [ctx, layers] of contextsOf(packages)) {
    for (const layer of LAYERS) {
      if (!layers[layer])
        violations.push(`packages/${ctx}-${layer}: missing: every context has -domain, -app and -infra`);
    }
    if (layers.domain) violations.push(...checkDomain(root, ctx, layers.domain));
    if (layers.app) violations.push(...checkApp(root, ctx, layers.app));
    if (layers.infra) violations.push(...checkInfra(root, ctx, layers.infra));
    for (const layer of LAYERS)
      if (layers[layer]) violations.push(...unusedExports(root, layers[layer], everyFile));
  }
  return violations;
}
