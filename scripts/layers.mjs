// The layer rules of the README ("Layer rules and how they are enforced"), checked against every workspace
// package's package.json and every import in its sources, and the rule that the folders of a package never
// import each other in a circle. Pure: give it a root directory, get violation messages back.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { folderCycles } from './folder-cycles.mjs';
import { importsOf, isTestFile, sourceFiles } from './source-files.mjs';

const SCOPE = '@contextflow/';
/** Test and type tooling any package may declare as a devDependency. */
const DEV_TOOLING = new Set(['vitest', '@types/node', 'typescript']);

/** The platform packages: the kernel, the HTTP kit and its docs page, the runtime, the embedded adapter. */
const PLATFORM = new Set(['core-infra', 'http-kit', 'http-docs', 'runtime', 'embedded']);

/** Which layer a workspace package is in, from its directory and name; `null` for an unknown shape. */
export function layerOf(pkg) {
  if (pkg.dir.startsWith('apps/')) return { layer: 'composition' };
  const short = pkg.name.startsWith(SCOPE) ? pkg.name.slice(SCOPE.length) : null;
  if (short === 'core') return { layer: 'core' };
  if (PLATFORM.has(short)) return { layer: short };
  if (short === 'client') return { layer: 'client' };
  if (short === 'test-utils') return { layer: 'testing' };
  if (short === 'create-service') return { layer: 'tooling' };
  const match = short && /^([a-z][a-z0-9-]*)-(domain|app|infra)$/.exec(short);
  if (match) return { layer: match[2], context: match[1] };
  return null;
}

/**
 * Whether a package of `from` may list the workspace package `to` in `field`. The embedded adapter is a
 * devDependency wherever it is listed (dev entry points and tests only); a context reaches the runtime from its
 * tests only (devDependencies), where it composes one as an app would.
 */
function allowedWorkspaceDep(from, to, field) {
  if (to.layer === 'embedded' && field !== 'devDependencies') return false;
  switch (from.layer) {
    case 'core':
      return false;
    case 'core-infra':
    case 'runtime':
      return to.layer === 'core' || (from.layer === 'runtime' && to.layer === 'core-infra');
    case 'http-kit':
    case 'http-docs':
      return (
        to.layer === 'core' ||
        to.layer === 'core-infra' ||
        (from.layer === 'http-docs' && to.layer === 'http-kit')
      );
    case 'embedded':
      return to.layer === 'core' || to.layer === 'core-infra' || to.layer === 'runtime';
    case 'domain':
      return to.layer === 'core';
    case 'app':
      return to.layer === 'core' || (to.layer === 'domain' && to.context === from.context);
    case 'infra':
      return (
        to.layer === 'core' ||
        to.layer === 'core-infra' ||
        to.layer === 'http-kit' ||
        (to.layer === 'runtime' && field === 'devDependencies') ||
        ((to.layer === 'domain' || to.layer === 'app') && to.context === from.context) ||
        (to.layer === 'app' && to.context !== from.context)
      );
    case 'testing':
      return to.layer === 'core' || to.layer === 'core-infra';
    case 'tooling':
      return false;
    case 'client':
      return ['core', 'core-infra', 'http-kit', 'infra', 'app'].includes(to.layer);
    default:
      return to.layer !== 'composition';
  }
}

const RULE = {
  core: 'core may depend on nothing at runtime (zod only as the optional peer of its ./contracts entry point)',
  core_zod:
    "only core's ./contracts entry point (src/contracts/) may import zod: the rest of the kernel depends on nothing",
  'core-infra': 'core-infra (the kernel) may depend on @contextflow/core and adapter libraries only',
  'http-kit': 'the HTTP kit may depend on core, core-infra and adapter libraries only',
  'http-docs': 'the docs page may depend on core, core-infra, the HTTP kit and adapter libraries only',
  runtime: 'the runtime may depend on core, core-infra and adapter libraries only',
  embedded: 'the embedded adapter may depend on core, core-infra, the runtime and adapter libraries only',
  embedded_dev:
    'the embedded adapter is a devDependency only: dev entry points and tests use it, never a shipped package',
  domain: 'a domain package may depend on @contextflow/core only',
  app: 'an app package may depend on @contextflow/core, its own domain package and zod only',
  infra:
    "an infra package may depend on core, core-infra, the HTTP kit, its own domain and app packages, and another context's -app /contracts only (the runtime as a devDependency, for its tests)",
  client: 'the client may depend on core, core-infra, the HTTP kit and context packages',
  testing: 'test-utils may depend on core and core-infra, and is used as a devDependency only',
  tooling:
    'create-service writes new services: it depends on no workspace package (it installs them from the registry)',
  composition: 'an app may depend on every package',
  app_shell: 'nothing may depend on an app',
};
const ruleFor = (layer) => RULE[layer] ?? RULE.app_shell;

function allowedThirdParty(layer, name) {
  if (layer === 'domain' || layer === 'core') return false;
  if (layer === 'testing') return true;
  if (layer === 'app') return name === 'zod';
  return true;
}

function readPackages(root) {
  const out = [];
  for (const parent of ['packages', 'apps']) {
    const base = join(root, parent);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base).sort()) {
      const file = join(base, entry, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8'));
      out.push({ dir: `${parent}/${entry}`, name: json.name, json });
    }
  }
  return out;
}

const packageOf = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

/** Checks every rule; returns one human-readable message per violation (empty when all is well). */
export function checkLayers(root) {
  const packages = readPackages(root);
  const byName = new Map(packages.map((p) => [p.name, p]));
  const violations = [];
  for (const pkg of packages) {
    const me = layerOf(pkg);
    if (!me) {
      violations.push(
        `${pkg.dir}/package.json: "${pkg.name}" states no layer: name it @contextflow/core, a platform package (core-infra, http-kit, http-docs, runtime, embedded), create-service or <context>-domain|app|infra`,
      );
      continue;
    }
    const declared = {
      ...pkg.json.dependencies,
      ...pkg.json.peerDependencies,
      ...pkg.json.optionalDependencies,
    };
    const dev = pkg.json.devDependencies ?? {};
    for (const [name, field] of [
      ...Object.keys(declared).map((n) => [n, 'dependencies']),
      ...Object.keys(dev).map((n) => [n, 'devDependencies']),
    ]) {
      const target = byName.get(name);
      if (target) {
        const them = layerOf(target) ?? { layer: 'unknown' };
        if (them.layer === 'testing' && field !== 'devDependencies') {
          violations.push(`${pkg.dir}/package.json: ${field} lists "${name}": ${RULE.testing}`);
        } else if (them.layer === 'embedded' && field !== 'devDependencies') {
          violations.push(`${pkg.dir}/package.json: ${field} lists "${name}": ${RULE.embedded_dev}`);
        } else if (
          them.layer !== 'testing' &&
          (target.dir.startsWith('apps/') || !allowedWorkspaceDep(me, them, field))
        ) {
          violations.push(
            `${pkg.dir}/package.json: ${field} lists "${name}": ${target.dir.startsWith('apps/') ? RULE.app_shell : ruleFor(me.layer)}`,
          );
        }
      } else if (
        !(field === 'devDependencies' && DEV_TOOLING.has(name)) &&
        !allowedThirdParty(me.layer, name) &&
        !(me.layer === 'core' && name === 'zod' && optionalPeerOnly(pkg, name)) &&
        !(field === 'devDependencies' && peerOf(pkg, name))
      ) {
        violations.push(`${pkg.dir}/package.json: ${field} lists "${name}": ${ruleFor(me.layer)}`);
      }
    }
    const all = { ...declared, ...dev };
    const pkgRoot = join(root, pkg.dir);
    for (const file of sourceFiles(join(pkgRoot, 'src'))) {
      const rel = relative(root, file).split(sep).join('/');
      const isTest = isTestFile(file);
      const isDevEntry = me.layer === 'composition' && rel === `${pkg.dir}/src/dev.ts`;
      for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
        const where = `${rel}:${line}`;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(pkgRoot + sep))
            violations.push(`${where} imports "${spec}": a relative import must stay inside its package`);
          continue;
        }
        if (spec.startsWith('node:')) {
          if ((me.layer === 'domain' || me.layer === 'app') && !isTest)
            violations.push(
              `${where} imports "${spec}": ${me.layer} code is pure; runtime facilities are ports implemented in infra`,
            );
          continue;
        }
        const name = packageOf(spec);
        if (!(name in all)) {
          violations.push(`${where} imports "${spec}", which ${pkg.dir}/package.json does not declare`);
          continue;
        }
        if (me.layer === 'core' && name === 'zod' && !isTest && !rel.startsWith(`${pkg.dir}/src/contracts/`))
          violations.push(`${where} imports "${spec}": ${RULE.core_zod}`);
        const target = byName.get(name);
        const them = target === undefined ? undefined : layerOf(target);
        if (them?.layer === 'embedded' && !isTest && !isDevEntry) {
          violations.push(
            `${where} imports "${spec}": the embedded adapter is for dev entry points (an app's src/dev.ts) and tests only`,
          );
        } else if (!isTest && !isDevEntry && name in dev && !(name in declared)) {
          violations.push(`${where} imports "${spec}", a devDependency, from shipped code`);
        }
        if (target) {
          if (
            me.layer === 'infra' &&
            them?.layer === 'app' &&
            them.context !== me.context &&
            spec !== `${name}/contracts`
          ) {
            violations.push(
              `${where} imports "${spec}": another context is reachable through "${name}/contracts" only`,
            );
          }
          const sub = spec === name ? '.' : `.${spec.slice(name.length)}`;
          if (target.json.exports && !(sub in target.json.exports)) {
            violations.push(
              `${where} imports "${spec}": "${sub}" is not an entry point of ${name} (deep imports don't resolve)`,
            );
          }
        }
      }
    }
  }
  for (const pkg of packages) violations.push(...folderCycles(root, pkg));
  return violations;
}

function peerOf(pkg, name) {
  return Boolean(pkg.json.peerDependencies && name in pkg.json.peerDependencies);
}

/** Whether `name` is an optional peer of the package and none of its dependencies (nothing installs it). */
function optionalPeerOnly(pkg, name) {
  return (
    peerOf(pkg, name) &&
    pkg.json.peerDependenciesMeta?.[name]?.optional === true &&
    !(pkg.json.dependencies && name in pkg.json.dependencies)
  );
}
