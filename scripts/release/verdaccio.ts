import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A Verdaccio registry of this test run: loopback only, no uplinks, storage in a temp directory. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** A token of a user created at start, allowed to publish and read `@contextflow/*`. */
  readonly token: string;
  /** A user-level npmrc for `NPM_CONFIG_USERCONFIG`: the `@contextflow` scope on this registry, with the token. */
  readonly npmrc: string;
  stop(): Promise<void>;
}

const root = new URL('../..', import.meta.url).pathname;

/** A free loopback port, for the registry or a service the round trip starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForPing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(`${url}-/ping`).then(
      (reply) => reply.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer within 30 s:\n${output()}`);
}

/**
 * Starts Verdaccio on a free loopback port with a configuration generated here (never committed: no
 * registry host lives in the repository), creates a publishing user and writes the user-level npmrc.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'verdaccio.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $authenticated',
      '    publish: $authenticated',
      // Idle connections outlive the test's pauses (Node's default 5 s races the client's reuse of a socket).
      'server:',
      '  keepAliveTimeout: 120',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: json, level: warn }',
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(
    join(root, 'node_modules/.bin/verdaccio'),
    ['--config', config, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForPing(url, child, () => output);
    const reply = await fetch(`${url}-/user/org.couchdb.user:release`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'release', password: `pw-${port}-${Date.now()}` }),
    });
    const { token } = (await reply.json()) as { token?: string };
    if (reply.status !== 201 || token === undefined)
      throw new Error(`could not create a user: ${reply.status}`);
    const npmrc = join(dir, 'npmrc');
    writeFileSync(npmrc, `@contextflow:registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, token, npmrc, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
