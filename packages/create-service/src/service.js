// Writes a standalone service repository: a pnpm + turbo workspace with apps/http and apps/worker composing
// the chosen @contextflow contexts from the registry and the team's first own context (the one context
// template), the layer rules, compose file, Dockerfile, .env.example, README and the CI workflows.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fill, namesOf, templateFiles, writeContext } from './context.js';

const SERVICE_TEMPLATE = fileURLToPath(new URL('../template/service', import.meta.url));
const SHARED = fileURLToPath(new URL('../shared', import.meta.url));

/** The published contexts a service can compose, and the contexts each one needs beside it. */
export const CONTEXTS = /** @type {const} */ ({ users: ['auth'], auth: [] });
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/;

/**
 * @typedef {{ dir: string, contexts: string[], context: string | undefined, aggregate?: string | undefined }} ServiceOptions
 * @typedef {{ target: string, name: string, contexts: string[], names: import('./context.js').ContextNames }} ServicePlan
 */

/**
 * Checks every input and says what is wrong before anything is written.
 * @param {ServiceOptions} options
 * @returns {ServicePlan}
 */
export function planService(options) {
  if (options.dir === undefined || options.dir.trim() === '') {
    throw new Error('name the directory of the new service: create-service <dir>');
  }
  const target = resolve(options.dir);
  const name = basename(target);
  if (!SERVICE_NAME.test(name)) {
    throw new Error(
      `"${name}" cannot name a service: lowercase letters, digits and dashes, starting with a letter (it becomes the package scope @${name})`,
    );
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${target} exists and is not empty: pick a new directory`);
  }
  const contexts = [...new Set(options.contexts)];
  const unknown = contexts.filter((ctx) => !(ctx in CONTEXTS));
  if (unknown.length > 0) {
    throw new Error(
      `unknown context(s) ${unknown.join(', ')}: --contexts takes ${Object.keys(CONTEXTS).join(', ')}`,
    );
  }
  // The generated context's routes are for signed-in callers: auth issues and checks their tokens.
  for (const ctx of ['auth', ...contexts]) {
    for (const needed of CONTEXTS[/** @type {keyof typeof CONTEXTS} */ (ctx)] ?? []) {
      if (!contexts.includes(needed)) throw new Error(`the ${ctx} context needs ${needed}: --contexts ${[...contexts, needed].join(',')}`);
    }
  }
  if (!contexts.includes('auth')) {
    throw new Error(`the service's own context is for signed-in callers, so it needs auth: --contexts ${[...contexts, 'auth'].join(',')}`);
  }
  if (options.context === undefined) {
    throw new Error("name the team's first bounded context: --context <name> (one lowercase word, plural: orders)");
  }
  const names = namesOf(options.context, options.aggregate, name);
  return { target, name, contexts, names };
}

/** @param {string[]} list */
const catalogOf = (list) => Object.fromEntries(list.sort().map((pkg) => [pkg, 'catalog:']));

/** @returns {{ packages: Record<string, string>, catalog: Record<string, string>, tools: Record<string, string>, packageManager: string }} */
function versions() {
  const file = join(SHARED, 'versions.json');
  if (!existsSync(file)) throw new Error('this copy of create-service is not built: run its build first');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** @param {string} file @param {unknown} json */
const writeJson = (file, json) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
};

/**
 * Writes the service; answers the files written, relative to its directory.
 * @param {ServicePlan} plan
 */
export function writeService(plan) {
  const { target, name, contexts, names } = plan;
  const v = versions();
  /** @param {string} pkg */
  const range = (pkg) => {
    const version = v.packages[pkg];
    if (version === undefined) throw new Error(`no version of ${pkg} is known to this create-service`);
    return `^${version}`;
  };
  /** @param {string[]} list */
  const from = (list) => Object.fromEntries(list.sort().map((pkg) => [pkg, range(pkg)]));
  const own = ['domain', 'app', 'infra'].map((layer) => `@${name}/${names.ctx}-${layer}`);
  const written = [];
  mkdirSync(target, { recursive: true });

  // The files this repository shares with every service: CI, toolchain, configurations.
  for (const file of templateFiles(SHARED)) {
    if (file === 'versions.json') continue;
    cpSync(join(SHARED, file), join(target, file));
    written.push(file);
  }
  for (const file of ['run', '.ci/run', 'scripts/toolchain.sh']) chmodSync(join(target, file), 0o755);

  const tokens = { ...names, name, contexts: contexts.map((ctx) => `\`${ctx}\``).join(' and ') };
  /** @param {string} text */
  const fillService = (text) => fill(text, names).replaceAll('__name__', name).replaceAll('__contexts__', tokens.contexts);
  for (const file of templateFiles(SERVICE_TEMPLATE)) {
    // Lines between `// <context>:begin` and `// <context>:end` are for a service composing that context.
    const text = readFileSync(join(SERVICE_TEMPLATE, file), 'utf8').replace(
      /^[ \t]*\/\/ ([a-z]+):begin\n([\s\S]*?)^[ \t]*\/\/ \1:end\n/gm,
      (_, ctx, lines) => (contexts.includes(ctx) ? lines : ''),
    );
    // npm drops a file named .gitignore from a published package: the template calls it gitignore.
    // Sources end in `.tpl` here, so that no tool of the contextflow repository takes them for its own.
    const path = file === 'gitignore' ? '.gitignore' : file.replace(/\.tpl$/, '');
    mkdirSync(join(target, path, '..'), { recursive: true });
    writeFileSync(join(target, path), fillService(text));
    written.push(path);
  }

  // The team's first context, from the one context template: platform packages come from the registry.
  const contextFiles = writeContext(join(target, 'packages'), names, (path, text) => {
    if (!path.endsWith('package.json')) return text;
    const json = JSON.parse(text);
    delete json.repository;
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [dep, spec] of Object.entries(json[field] ?? {})) {
        if (dep.startsWith('@contextflow/') && spec.startsWith('workspace:')) json[field][dep] = range(dep);
      }
    }
    return `${JSON.stringify(json, null, 2)}\n`;
  });
  written.push(...contextFiles.map((path) => `packages/${path}`));

  const modules = [
    ...contexts.map((ctx) => ({ name: `${ctx}Module`, from: `@contextflow/${ctx}-infra` })),
    { name: `${names.ctx}Module`, from: `@${name}/${names.ctx}-infra` },
  ].sort((a, b) => a.from.localeCompare(b.from));
  const modulesTs = [
    "import type { ContextModule } from '@contextflow/core-infra';",
    ...modules.map((m) => `import { ${m.name} } from '${m.from}';`),
    '',
    '/** The bounded contexts this service composes, in mount order. */',
    `export const modules: readonly ContextModule[] = [${[...contexts.map((ctx) => `${ctx}Module`), `${names.ctx}Module`].join(', ')}];`,
    '',
  ].join('\n');
  const infra = contexts.map((ctx) => `@contextflow/${ctx}-infra`);
  const third = ['@hono/zod-openapi', 'hono', 'reflect-metadata', 'tsyringe', 'zod'];
  for (const app of ['http', 'worker']) {
    writeFileSync(join(target, `apps/${app}/src/modules.ts`), modulesTs);
    written.push(`apps/${app}/src/modules.ts`);
    const platform = ['@contextflow/core-infra', '@contextflow/runtime', ...infra];
    if (app === 'http') platform.push('@contextflow/http-docs', '@contextflow/http-kit');
    writeJson(join(target, `apps/${app}/package.json`), {
      name: `@${name}/${app}`,
      version: '0.1.0',
      private: true,
      type: 'module',
      engines: { node: '>=22.12' },
      scripts: {
        build: 'tsc -p tsconfig.build.json',
        typecheck: 'tsc -p tsconfig.json',
        lint: 'oxlint --type-aware --deny-warnings src',
        'test:integration': 'vitest run --mode integration',
      },
      dependencies: {
        ...from(platform),
        [`@${name}/${names.ctx}-infra`]: 'workspace:^',
        ...catalogOf(app === 'http' ? [...third, '@hono/node-server'] : third),
      },
      devDependencies: {
        ...(app === 'http' ? from(['@contextflow/embedded']) : {}),
        ...catalogOf(['@types/node', 'vitest']),
      },
    });
    written.push(`apps/${app}/package.json`);
  }

  const tools = ['@changesets/cli', 'oxlint', 'oxlint-tsgolint', 'publint', 'turbo', 'typescript', 'vitest'];
  const tasks = 'typecheck lint test test:integration --continue --concurrency=2';
  writeJson(join(target, 'package.json'), {
    name,
    private: true,
    type: 'module',
    packageManager: v.packageManager,
    engines: { node: '>=22.12' },
    scripts: {
      build: 'turbo run build',
      dev: `turbo run build --filter=@${name}/http... --output-logs=errors-only && node apps/http/dist/dev.js`,
      test: `turbo run ${tasks} && turbo boundaries`,
      'test:affected': `turbo run ${tasks} --affected && turbo boundaries`,
      'db:migrate': `turbo run build --filter=@${name}/worker... --output-logs=errors-only && node apps/worker/dist/main.js migrate`,
      'start:http': 'node apps/http/dist/main.js',
      'start:worker': 'node apps/worker/dist/main.js run',
      changeset: 'changeset',
      'version-packages': 'changeset version && pnpm install --lockfile-only',
      release: 'turbo run build --filter=./packages/* && changeset publish',
    },
    devDependencies: {
      ...Object.fromEntries(tools.map((tool) => [tool, v.tools[tool]])),
      '@types/node': v.catalog['@types/node'],
    },
  });
  written.push('package.json');

  const catalog = [...third, '@hono/node-server', '@types/node', 'kysely', 'vitest'].sort();
  writeFileSync(
    join(target, 'pnpm-workspace.yaml'),
    [
      'packages:',
      '  - apps/*',
      '  - packages/*',
      '',
      '# corepack cannot always verify pnpm; packageManager stays as documentation.',
      'pmOnFail: ignore',
      'engineStrict: true',
      "# pnpm waits a day before it installs a new release (minimumReleaseAge); the company's own packages",
      '# are trusted as soon as its registry has them, so `pnpm -r up "@contextflow/*"` takes a release at once.',
      'minimumReleaseAgeExclude:',
      `  - "@contextflow/*"`,
      `  - "@${name}/*"`,
      'allowBuilds:',
      '  # swagger-ui-dist (the /docs page) pulls in a usage-telemetry install script: never run it.',
      '  "@scarf/scarf": false',
      '',
      '# One version of each third-party dependency for the whole workspace (those contextflow is built with).',
      'catalog:',
      ...catalog.map((pkg) => `  "${pkg}": ${v.catalog[pkg]}`),
      '',
    ].join('\n'),
  );
  written.push('pnpm-workspace.yaml');

  const source = ['src/**', '*.ts', 'tsconfig.json', 'package.json'];
  writeJson(join(target, 'turbo.json'), {
    $schema: 'https://turborepo.com/schema.json',
    ui: 'stream',
    globalDependencies: ['tsconfig.base.json', 'vitest.shared.ts', '.oxlintrc.json', 'pnpm-workspace.yaml'],
    globalPassThroughEnv: ['CI', 'HOME', 'PATH', 'XDG_CACHE_HOME', 'NPM_CONFIG_USERCONFIG'],
    tasks: {
      transit: { dependsOn: ['^transit'] },
      build: {
        dependsOn: ['^build'],
        inputs: ['src/**', '!src/**/*.test.ts', 'tsconfig.build.json', 'package.json'],
        outputs: ['dist/**'],
      },
      typecheck: { dependsOn: ['transit'], inputs: source, outputs: [] },
      lint: { dependsOn: ['transit'], inputs: source, outputs: [] },
      test: { dependsOn: ['transit'], inputs: source, outputs: [] },
      'test:integration': {
        dependsOn: ['transit'],
        inputs: source,
        env: ['TEST_DATABASE_URL', 'TEST_AMQP_URL'],
        outputs: [],
      },
    },
    boundaries: {
      tags: {
        'layer:domain': { dependencies: { deny: ['layer:application', 'layer:infrastructure', 'layer:composition'] } },
        'layer:application': { dependencies: { deny: ['layer:infrastructure', 'layer:composition'] } },
        'layer:infrastructure': { dependencies: { deny: ['layer:composition'] } },
        'layer:composition': {
          dependents: { deny: ['layer:domain', 'layer:application', 'layer:infrastructure', 'layer:composition'] },
        },
      },
    },
  });
  written.push('turbo.json');

  writeJson(join(target, '.changeset/config.json'), {
    changelog: '@changesets/cli/changelog',
    commit: false,
    fixed: [own],
    linked: [],
    access: 'restricted',
    baseBranch: 'main',
    updateInternalDependencies: 'patch',
    ignore: [`@${name}/http`, `@${name}/worker`],
  });
  written.push('.changeset/config.json');
  return written.sort();
}
