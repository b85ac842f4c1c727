// The one template of a bounded context (three packages: -domain, -app, -infra) and how it is filled.
// `pnpm gen:context` in the contextflow repository and `@contextflow/create-service` both write it from here.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The context template: `__ctx__-domain`, `__ctx__-app`, `__ctx__-infra`. */
export const CONTEXT_TEMPLATE = fileURLToPath(new URL('../template/context', import.meta.url));

const WORD = /^[a-z][a-z0-9]*$/;
/** Names a context may not take: platform schemas, routes and package names. */
export const RESERVED = new Set([
  'core',
  'client',
  'platform',
  'public',
  'test',
  'commands',
  'health',
  'docs',
  'users',
  'auth',
]);

/**
 * @typedef {{ ctx: string, Ctx: string, agg: string, Agg: string, scope: string }} ContextNames
 */

/** @param {string} word */
const pascal = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The names a template token stands for, from a context name and an optional aggregate name.
 * @param {string | undefined} context
 * @param {string | undefined} [aggregate]
 * @param {string} [scope] the npm scope of the packages, without `@` (`contextflow` in this repository)
 * @returns {ContextNames}
 */
export function namesOf(context, aggregate, scope = 'contextflow') {
  if (!WORD.test(context ?? '')) {
    throw new Error(
      'the context name is one lowercase word (a-z, 0-9), plural by convention: orders, invoices',
    );
  }
  const ctx = /** @type {string} */ (context);
  if (RESERVED.has(ctx)) throw new Error(`"${ctx}" is reserved`);
  const agg =
    aggregate?.toLowerCase() ??
    (ctx.endsWith('ies') ? `${ctx.slice(0, -3)}y` : ctx.endsWith('s') ? ctx.slice(0, -1) : ctx);
  if (!WORD.test(agg)) throw new Error('the aggregate name is one word (a-z, 0-9): --aggregate order');
  return { ctx, Ctx: pascal(ctx), agg, Agg: pascal(agg), scope };
}

/**
 * Replaces the template tokens in a text or a path.
 * @param {string} text
 * @param {ContextNames} n
 */
export function fill(text, n) {
  return text
    .replaceAll('__scope__', n.scope)
    .replaceAll('__ctx__', n.ctx)
    .replaceAll('__Ctx__', n.Ctx)
    .replaceAll('__agg__', n.agg)
    .replaceAll('__Agg__', n.Agg);
}

/**
 * Every file under `dir`, as paths relative to `base`, sorted.
 * @param {string} dir
 * @param {string} [base]
 * @returns {Generator<string>}
 */
export function* templateFiles(dir, base = dir) {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* templateFiles(full, base);
    else yield relative(base, full);
  }
}

/**
 * Writes the three packages of a context into `packagesDir` (`<packagesDir>/<ctx>-domain`, …). Template sources
 * end in `.tpl` so that no tool of the template's home (tests, type checks, `turbo boundaries`) takes them for
 * its own; the written files lose it.
 * @param {string} packagesDir
 * @param {ContextNames} names
 * @param {(path: string, text: string) => string} [transform] rewrites a file's text before it is written
 * @returns {string[]} the paths written, relative to `packagesDir`
 */
export function writeContext(packagesDir, names, transform = (_path, text) => text) {
  const written = [];
  for (const file of templateFiles(CONTEXT_TEMPLATE)) {
    const path = fill(file, names).replace(/\.tpl$/, '');
    const target = join(packagesDir, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, transform(path, fill(readFileSync(join(CONTEXT_TEMPLATE, file), 'utf8'), names)));
    written.push(path);
  }
  return written;
}
