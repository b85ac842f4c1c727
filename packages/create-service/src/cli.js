#!/usr/bin/env node
// `pnpm create @contextflow/service <dir> [--contexts users,auth] --context <name> [--aggregate <name>]
// [--no-install]`: writes a new service repository (see ./service.js). On a terminal without flags it asks for
// what it needs; otherwise it takes flags, and --context is required. Bad input gets one line saying what is wrong, and nothing is written.
import { spawnSync } from 'node:child_process';
import { realpathSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { CONTEXTS, planService, writeService } from './service.js';

const USAGE = `usage: pnpm create @contextflow/service <dir> [--contexts users,auth] --context <name> [--aggregate <name>] [--no-install]
  <dir>          the new service's directory; its name is the service's name and package scope
  --contexts     the contextflow contexts it composes (${Object.keys(CONTEXTS).join(', ')}; default: users,auth)
  --context      the team's first own bounded context: one lowercase word, plural (orders)
  --aggregate    that context's aggregate (default: the singular of the context: order)
  --no-install   write the files only (no toolchain, no pnpm install)`;

/**
 * Parses the command line; throws on an unknown or incomplete flag.
 * @param {string[]} argv
 */
export function parseArgs(argv) {
  /** @type {{ dir?: string, contexts?: string[], context?: string, aggregate?: string, install: boolean, help: boolean, flags: number }} */
  const out = { install: true, help: false, flags: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--no-install') out.install = false;
    else if (flag === '--contexts') out.contexts = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--context') out.context = value();
    else if (flag === '--aggregate') out.aggregate = value();
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (out.dir === undefined) out.dir = arg;
    else throw new Error(`one directory only: "${out.dir}" or "${arg}"?`);
    if (flag.startsWith('--') && flag !== '--no-install') out.flags++;
  }
  return out;
}

/**
 * Asks for what the command line left out (a terminal without flags).
 * @param {ReturnType<typeof parseArgs>} args
 * @param {NodeJS.ReadableStream} [input]
 * @param {NodeJS.WritableStream} [output]
 */
export async function ask(args, input = process.stdin, output = process.stdout) {
  // Line by line from the stream: a terminal and piped answers alike.
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  /** @param {string} prompt */
  const question = async (prompt) => {
    output.write(prompt);
    const next = await lines.next();
    return next.done ? '' : String(next.value).trim();
  };
  try {
    const dir = args.dir ?? ((await question('Directory of the new service (its name): ')) || undefined);
    const contexts = (await question('contextflow contexts to compose [users,auth]: ')) || 'users,auth';
    const context = (await question("Your team's first bounded context (one word, plural) [orders]: ")) || 'orders';
    const aggregate = (await question('Its aggregate [the singular]: ')) || undefined;
    return { ...args, dir, contexts: contexts.split(',').map((s) => s.trim()), context, aggregate };
  } finally {
    rl.close();
  }
}

/** @param {string[]} argv */
export async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`create-service: ${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.flags === 0 && process.stdin.isTTY && process.stdout.isTTY) args = await ask(args);
  let plan;
  try {
    plan = planService({
      dir: args.dir ?? '',
      contexts: args.contexts ?? ['users', 'auth'],
      context: args.context,
      aggregate: args.aggregate,
    });
  } catch (error) {
    console.error(`create-service: ${/** @type {Error} */ (error).message}`);
    return 1;
  }
  try {
    writeService(plan);
  } catch (error) {
    rmSync(plan.target, { recursive: true, force: true });
    console.error(`create-service: nothing written: ${/** @type {Error} */ (error).message}`);
    return 1;
  }
  const where = relative(process.cwd(), plan.target) || '.';
  console.log(
    `create-service: wrote ${plan.name} (${plan.contexts.join(', ')} from the registry; your context ${plan.names.ctx}, aggregate ${plan.names.Agg}) in ${where}`,
  );
  if (args.install) {
    console.log('create-service: provisioning the toolchain and installing (pnpm install) …');
    const install = spawnSync('bash', ['-c', '. scripts/toolchain.sh && pnpm install --reporter=append-only'], {
      cwd: plan.target,
      stdio: 'inherit',
    });
    if (install.status !== 0) {
      console.error(
        `create-service: the install failed (is the @contextflow registry in your ~/.npmrc?); the files are in ${where}: fix it, then run pnpm install there (it writes the lockfile ./run needs)`,
      );
      return 1;
    }
  }
  console.log(`
Next:
  cd ${where}
  ./run dev     # the service on embedded defaults: http://127.0.0.1:3000, docs at /docs
  ./run test    # every check and test (PostgreSQL and RabbitMQ: see the README)
Then make it yours: packages/${plan.names.ctx}-domain/src/${plan.names.agg}.ts, packages/${plan.names.ctx}-app/src, packages/${plan.names.ctx}-infra/src.`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
