import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrivatePostgres, startPrivatePostgres } from './private-postgres.js';

const processesOf = (dataDir: string): string => {
  try {
    return execFileSync('pgrep', ['-f', dataDir], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches.
  }
};

const connect = async (url: string): Promise<Client> => {
  const client = new Client({ connectionString: url });
  client.on('error', () => {}); // A crashed server must not crash the test process.
  await client.connect();
  return client;
};

// Broker and database life-cycle steps take tens of seconds on a loaded 2-core machine (stop_app: 32 s seen in CI).
describe('startPrivatePostgres', { timeout: 180_000 }, () => {
  let postgres: PrivatePostgres;

  beforeAll(async () => {
    const started = performance.now();
    postgres = await startPrivatePostgres();
    console.log(`private PostgreSQL started in ${Math.round(performance.now() - started)} ms`);
  });

  afterAll(async () => {
    await postgres?.destroy();
  });

  it('serves an admin connection on its own port, not on the shared one', async () => {
    expect(postgres.port).not.toBe(5432);
    const client = await connect(postgres.url);
    try {
      const { rows } = await client.query<{ port: string; fsync: string }>(
        "select current_setting('port') as port, current_setting('fsync') as fsync",
      );
      expect(rows).toEqual([{ port: String(postgres.port), fsync: 'on' }]);
    } finally {
      await client.end();
    }
  });

  it('keeps a committed row through a crash and a restart', async () => {
    const client = await connect(postgres.url);
    await client.query('create table crash_probe (id int primary key, note text not null)');
    await client.query("insert into crash_probe values (1, 'committed before the crash')");

    let started = performance.now();
    await postgres.crash();
    console.log(`crash() took ${Math.round(performance.now() - started)} ms`);
    await expect(client.query('select 1')).rejects.toThrow(/terminat|not queryable/);
    await expect(connect(postgres.url)).rejects.toThrow(/ECONNREFUSED/);

    started = performance.now();
    await postgres.start();
    console.log(`start() after crash took ${Math.round(performance.now() - started)} ms`);
    const again = await connect(postgres.url);
    try {
      const { rows } = await again.query('select id, note from crash_probe');
      expect(rows).toEqual([{ id: 1, note: 'committed before the crash' }]);
    } finally {
      await again.end();
    }
  });

  it('stops and starts again on the same data directory', async () => {
    let started = performance.now();
    await postgres.stop();
    console.log(`stop() took ${Math.round(performance.now() - started)} ms`);
    await expect(connect(postgres.url)).rejects.toThrow(/ECONNREFUSED/);
    expect(processesOf(postgres.dataDir)).toBe('');

    started = performance.now();
    await postgres.start();
    console.log(`start() after stop took ${Math.round(performance.now() - started)} ms`);
    const client = await connect(postgres.url);
    try {
      const { rows } = await client.query('select count(*)::int as n from crash_probe');
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('leaves no process and no files behind after destroy()', async () => {
    const other = await startPrivatePostgres({ durable: false });
    expect(processesOf(other.dataDir)).not.toBe('');
    const started = performance.now();
    await other.destroy();
    console.log(`destroy() took ${Math.round(performance.now() - started)} ms`);
    expect(processesOf(other.dataDir)).toBe('');
    expect(existsSync(other.dataDir)).toBe(false);
  });
});

// A fresh login's TMPDIR is often private (mode 0700): PostgreSQL, run as `postgres` under root, cannot enter it.
describe('startPrivatePostgres with a private TMPDIR', { timeout: 180_000 }, () => {
  const saved = process.env.TMPDIR;
  let privateTmp: string;
  let postgres: PrivatePostgres | undefined;

  beforeAll(() => {
    privateTmp = mkdtempSync(join('/tmp', 'cf-private-tmpdir-'));
    chmodSync(privateTmp, 0o700);
    process.env.TMPDIR = privateTmp;
  });

  afterAll(async () => {
    await postgres?.destroy();
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(privateTmp, { recursive: true, force: true });
  });

  it('starts in a directory the server can reach, and serves queries', async () => {
    postgres = await startPrivatePostgres({ durable: false });
    // As root the server runs as `postgres`, which may not enter the private directory: the cluster is elsewhere.
    const runsAsAnotherUser = process.getuid?.() === 0;
    expect(postgres.dataDir.startsWith(privateTmp)).toBe(!runsAsAnotherUser);
    const client = await connect(postgres.url);
    try {
      expect((await client.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });
});
