import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePorts } from './free-ports.js';
import { postgresUser } from './postgres-user.js';
import { reachableTempDir } from './reachable-temp-dir.js';
import { runCommand } from './run-command.js';
import { installSafetyNet, type SafetyNet } from './safety-net.js';
import { ServiceProcess } from './service-process.js';
import { waitUntil } from './wait-until.js';

/** Options of `startPrivatePostgres`. */
export interface PrivatePostgresOptions {
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /**
   * `true` (default) keeps fsync on, as in production. `false` runs `initdb --no-sync` and `fsync = off`:
   * committed rows still survive crash() (a process crash keeps the OS page cache) but would not survive an
   * OS crash — use it only where durability is not what the test is about.
   */
  durable?: boolean;
  /** Directory of initdb and postgres; default `$PG_BIN_DIR` or `/usr/lib/postgresql/15/bin`. */
  binDir?: string;
}

/** A throw-away PostgreSQL cluster owned by one test file, which it may stop, crash and restart at will. */
export interface PrivatePostgres {
  /** Admin connection string: `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  readonly url: string;
  readonly port: number;
  /** The cluster's data directory (also how to find its processes: `pgrep -f <dataDir>`). */
  readonly dataDir: string;
  /** Fast shutdown (SIGINT): sessions are terminated, a checkpoint is written. */
  stop(): Promise<void>;
  /** Immediate shutdown (SIGQUIT, what `pg_ctl stop -m immediate` sends): no checkpoint, recovery at start(). */
  crash(): Promise<void>;
  /** Starts the server again on the same data directory and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and deletes every file of the cluster. */
  destroy(): Promise<void>;
}

const defaultBinDir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

class PrivatePostgresServer implements PrivatePostgres {
  readonly url: string;
  readonly dataDir: string;
  private server: ServiceProcess | undefined;

  constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly binDir: string,
    private readonly user: { uid?: number; gid?: number },
    private readonly safetyNet: SafetyNet,
  ) {
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    this.dataDir = join(dir, 'data');
  }

  async start(): Promise<void> {
    if (this.server?.running) return;
    const server = ServiceProcess.spawn({
      file: join(this.binDir, 'postgres'),
      args: ['-D', this.dataDir],
      env: { PATH: process.env.PATH, LC_ALL: 'C' },
      cwd: this.dir,
      ...this.user,
      logFile: join(this.dir, 'postgres.log'),
      pidFile: join(this.dir, 'server.pid'),
    });
    this.server = server;
    // Ready exactly when pg_ctl -w would say so: the postmaster.pid status line of *this* postmaster reads "ready".
    await waitUntil(
      async () => {
        if (!server.running)
          throw new Error(`private PostgreSQL exited during start-up:\n${server.logTail()}`);
        const pidFile = await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
        const lines = pidFile.split('\n');
        return lines[0] === String(server.pid) && lines[7]?.trim() === 'ready';
      },
      { timeoutMs: 60_000, describeFailure: () => `private PostgreSQL did not start:\n${server.logTail()}` },
    );
  }

  async stop(): Promise<void> {
    await this.server?.stop('SIGINT');
  }

  async crash(): Promise<void> {
    await this.server?.stop('SIGQUIT');
  }

  async destroy(): Promise<void> {
    await this.server?.stop('SIGINT', 10_000);
    this.safetyNet.release();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Creates a private PostgreSQL cluster in a temporary directory (initdb, trust authentication, listening on
 * 127.0.0.1 only) and starts it. It runs as the `postgres` user when the tests run as root, in a directory that
 * user can reach: under `TMPDIR` unless that is private to the test's user (then `/tmp`). Its processes are
 * ended and its files deleted on destroy(), and by a safety net if the test process ends first.
 */
export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const durable = options.durable ?? true;
  const binDir = options.binDir ?? defaultBinDir;
  const port = options.port ?? (await freePorts(1))[0]!;
  const user = postgresUser();
  // Under a directory the `postgres` user can enter: initdb and the server chdir into it.
  const dir = await mkdtemp(join(await reachableTempDir(user), 'cf-pg-'));
  if (user.uid !== undefined && user.gid !== undefined) await chown(dir, user.uid, user.gid);
  const safetyNet = installSafetyNet(dir, [{ pidFile: join(dir, 'server.pid'), signal: 'QUIT' }]);
  const instance = new PrivatePostgresServer(port, dir, binDir, user, safetyNet);
  try {
    const initdbArgs = ['-D', instance.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C'];
    await runCommand(join(binDir, 'initdb'), [...initdbArgs, ...(durable ? [] : ['--no-sync'])], {
      env: { PATH: process.env.PATH, LC_ALL: 'C' },
      cwd: dir,
      ...user,
    });
    const settings = [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      'max_connections = 50',
      ...(durable ? [] : ['fsync = off']),
    ];
    await writeFile(join(instance.dataDir, 'postgresql.conf'), `\n${settings.join('\n')}\n`, { flag: 'a' });
    await instance.start();
    return instance;
  } catch (error) {
    await instance.destroy();
    throw error;
  }
}
