// What the registry round trip does with a service written by `pnpm create @contextflow/service`: start it on
// embedded defaults (`./run dev`, as its README says), drive it over real HTTP, and publish a patch release of
// a context package that brings a new migration, for the service to upgrade to.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './verdaccio.js';

/** A running `./run dev` of a generated service. */
export interface RunningService {
  readonly url: string;
  /** Ctrl-C, as a person would; resolves once the process group has exited. */
  stop(): Promise<void>;
}

/** Starts `./run dev` in `dir` on a free port; resolves once it prints that it runs. */
export async function startDev(
  dir: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 240_000,
): Promise<RunningService> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn('./run', ['dev'], {
    cwd: dir,
    env: { ...env, PORT: String(port), METRICS_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-(child.pid as number), 'SIGINT');
    const killer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + timeoutMs;
  while (!/running EMBEDDED/.test(output)) {
    if (child.exitCode !== null) throw new Error(`./run dev exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`./run dev did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function call(
  url: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const { token, ...rest } = init;
  const reply = await fetch(url, {
    ...rest,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(rest.headers as Record<string, string> | undefined),
    },
  });
  const text = await reply.text();
  return { status: reply.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** register → login → GET /users/me, then the service's own context: POST /<ctx> → GET /<ctx>/{id}. */
export async function driveService(
  base: string,
  own: { ctx: string; agg: string },
): Promise<{ registered: unknown; me: unknown; created: unknown; view: unknown }> {
  const email = `generated-${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  const registered = await call(`${base}/auth/register`, {
    method: 'POST',
    headers: { prefer: 'wait=20' },
    body: JSON.stringify({ email, password, name: 'New Team' }),
  });
  if (registered.status !== 200) throw new Error(`register answered ${registered.status}`);
  const login = await call(`${base}/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  const token = (login.body as { accessToken: string }).accessToken;
  const me = await eventually(async () => {
    const reply = await call(`${base}/users/me`, { token });
    return reply.status === 200 ? reply.body : undefined;
  });
  const created = await call(`${base}/${own.ctx}`, {
    method: 'POST',
    token,
    body: JSON.stringify({ title: 'First' }),
  });
  if (created.status !== 202) throw new Error(`POST /${own.ctx} answered ${created.status}`);
  const id = (created.body as Record<string, string>)[`${own.agg}Id`];
  const view = await eventually(async () => {
    const reply = await call(`${base}/${own.ctx}/${id}`, { token });
    return reply.status === 200 ? reply.body : undefined;
  });
  return { registered: registered.body, me, created: created.body, view };
}

/**
 * Publishes a patch release of a context's -infra package that adds one migration: the published tarball,
 * its version's patch number plus one, and `dist/migrations` with a migration creating `<schema>.upgrade_marks`.
 * Answers the new version and the migration's `<schema>/<name>`.
 */
export async function publishPatchWithMigration(options: {
  readonly registryUrl: string;
  readonly token: string;
  readonly npmrc: string;
  readonly work: string;
  readonly context: string;
}): Promise<{ version: string; migration: string }> {
  const name = `@contextflow/${options.context}-infra`;
  const dir = join(options.work, `${options.context}-infra-patch`);
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, NPM_CONFIG_USERCONFIG: options.npmrc };
  const sh = (command: string, args: string[], cwd: string) => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')}: ${result.stdout}\n${result.stderr}`);
    return result.stdout.trim();
  };
  const authorization = { authorization: `Bearer ${options.token}` };
  const packument = (await (
    await fetch(`${options.registryUrl}${name.replace('/', '%2f')}`, { headers: authorization })
  ).json()) as { 'dist-tags': { latest: string }; versions: Record<string, { dist: { tarball: string } }> };
  const latest = packument.versions[packument['dist-tags'].latest];
  if (latest === undefined) throw new Error(`${name} is not in the registry`);
  const tarball = await fetch(latest.dist.tarball, { headers: authorization });
  if (!tarball.ok) throw new Error(`the tarball of ${name} answered ${tarball.status}`);
  writeFileSync(join(dir, 'package.tgz'), Buffer.from(await tarball.arrayBuffer()));
  sh('tar', ['xzf', 'package.tgz'], dir);
  const pkg = join(dir, 'package');
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const [major, minor, patch] = String(manifest.version).split('.').map(Number);
  manifest.version = `${major}.${minor}.${(patch ?? 0) + 1}`;
  writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2));

  const migration = '0100-round-trip-upgrade';
  writeFileSync(
    join(pkg, 'dist/migrations/0100-round-trip-upgrade.js'),
    `export const roundTripUpgrade = {\n  async up(db) {\n    await db.schema.withSchema('${options.context}').createTable('upgrade_marks').addColumn('id', 'integer', (c) => c.primaryKey()).execute();\n  },\n};\n`,
  );
  const index = join(pkg, 'dist/migrations/index.js');
  const before = readFileSync(index, 'utf8');
  const after = before
    .replace(/^/, "import { roundTripUpgrade } from './0100-round-trip-upgrade.js';\n")
    .replace(/Object\.freeze\(\{\n/, `Object.freeze({\n    '${migration}': roundTripUpgrade,\n`);
  if (!after.includes(`'${migration}': roundTripUpgrade`))
    throw new Error(`${index} does not have the expected shape`);
  writeFileSync(index, after);
  sh('pnpm', ['publish', '--no-git-checks', '--registry', options.registryUrl], pkg);
  return { version: manifest.version, migration: `${options.context}/${migration}` };
}
