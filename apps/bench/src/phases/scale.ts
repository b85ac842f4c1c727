import { UserListCursor } from '@contextflow/users-app';
import { Client } from 'pg';
import type { ScalePath, ScaleResult, ScaleTiming } from '../common/results.js';
import { percentile } from '../common/stats.js';
import { addUsers, benchEmail } from '../data/seed.js';

/** One in this many users is deactivated, at both sizes: what `status=deactivated` finds. */
const DEACTIVATE_EVERY = 50;

/** The read paths, each a request for the i-th call (ids rotate); the same terms at both sizes. */
function readPaths(sample: {
  ids: string[];
  deepCursor: string;
  rareTerm: string;
}): [string, (i: number) => string][] {
  return [
    ['GET /users/{id}', (i) => `/users/${sample.ids[i % sample.ids.length]}`],
    ['GET /users?limit=20 (first page)', () => '/users?limit=20'],
    ['GET /users?limit=20&cursor= (half way down)', () => `/users?limit=20&cursor=${sample.deepCursor}`],
    ['GET /users?status=deactivated', () => '/users?limit=20&status=deactivated'],
    [
      `GET /users?q= rare (${sample.rareTerm}: one user)`,
      () => `/users?limit=20&q=${encodeURIComponent(sample.rareTerm)}`,
    ],
    ['GET /users?q=hopper (common: 1 in 40)', () => '/users?limit=20&q=hopper'],
    ['GET /users?q=zq (no trigram: one bounded window)', () => '/users?limit=20&q=zq'],
  ];
}

async function sampleOf(client: Client, rareUser: number) {
  const total = Number(
    (await client.query<{ n: string }>('select count(*) as n from users.user_views')).rows[0]?.n,
  );
  const ids = (
    await client.query<{ id: string }>('select id from users.user_views order by random() limit 500')
  ).rows;
  const [deep] = (
    await client.query<{ created_at: Date; id: string }>(
      'select created_at, id from users.user_views order by created_at desc, id desc offset $1 limit 1',
      [Math.floor(total / 2)],
    )
  ).rows;
  if (deep === undefined) throw new Error('scale: no row half way down the list');
  return {
    total,
    ids: ids.map((row) => row.id),
    deepCursor: UserListCursor.encode({ createdAt: deep.created_at.toISOString(), id: deep.id }),
    rareTerm: benchEmail(rareUser).replace(/@.*/, '@'),
  };
}

/** One side of the comparison: an http app on a database of some size, the admin's token, its sample. */
interface Side {
  readonly baseUrl: string;
  readonly token: string;
  readonly sample: Awaited<ReturnType<typeof sampleOf>>;
}

async function timeOne(side: Side, url: string): Promise<number> {
  const started = performance.now();
  const reply = await fetch(`${side.baseUrl}${url}`, { headers: { authorization: `Bearer ${side.token}` } });
  const body = await reply.text();
  if (reply.status !== 200) throw new Error(`scale: ${url} answered ${reply.status}: ${body}`);
  return performance.now() - started;
}

const timing = (times: number[]): ScaleTiming => {
  const sorted = times.toSorted((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: times.reduce((sum, t) => sum + t, 0) / times.length,
  };
};

/**
 * Times every read path on both sides, one request at a time, alternating small and large request by
 * request: whatever else the machine does lands on both sizes alike. A tenth more requests run first as
 * warm-up.
 */
async function timeSideBySide(small: Side, large: Side, count: number): Promise<ScalePath[]> {
  const largePaths = readPaths(large.sample);
  const out: ScalePath[] = [];
  for (const [p, [name, smallPath]] of readPaths(small.sample).entries()) {
    const largePath = largePaths[p]?.[1];
    if (largePath === undefined) throw new Error(`scale: ${name} has no large twin`);
    const times = { small: [] as number[], large: [] as number[] };
    for (let i = -Math.ceil(count / 10); i < count; i++) {
      const a = await timeOne(small, smallPath(i + count));
      const b = await timeOne(large, largePath(i + count));
      if (i >= 0) {
        times.small.push(a);
        times.large.push(b);
      }
    }
    const at = { small: timing(times.small), large: timing(times.large) };
    out.push({ name, ...at, ratio: at.large.p50 / at.small.p50 });
  }
  return out;
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function vacuum(client: Client): Promise<void> {
  // Flushes the trigram indexes' pending lists and refreshes the planner's statistics, as autovacuum does on
  // a live table after a bulk load.
  await client.query('vacuum analyze users.user_views');
  await client.query('vacuum analyze users.users');
}

/** An http app on a database of its own, started by the caller's stack (migrated, admin bootstrapped). */
export interface LargeStack {
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly token: string;
  stop(): Promise<void>;
}

/**
 * The read side at two sizes, side by side in one run: the bench's http app on its seeded users
 * (`seeded`, numbered 1..seeded), and a second http app on a second database bulk-loaded with `large`
 * users (generate_series) — the same rows for the numbers both have, one in 50 deactivated on both. The
 * read paths are timed one request at a time as the admin, alternating the two apps request by request;
 * reported: p50, p99 and mean per path, and the ratio of the p50s.
 */
export async function scalePhase(options: {
  readonly small: { readonly baseUrl: string; readonly token: string; readonly databaseUrl: string };
  /** Starts the large side's database and app; `load` fills its tables before anything is timed. */
  readonly startLarge: (load: (databaseUrl: string) => Promise<void>) => Promise<LargeStack>;
  readonly seeded: number;
  readonly large: number;
  readonly requests: number;
  readonly log: (text: string) => void;
}): Promise<ScaleResult> {
  const { seeded, large, requests, log } = options;
  const deactivate = `
    update users.%s set status = 'deactivated'
    where substring(email from '(\\d+)@bench\\.example$')::int % ${DEACTIVATE_EVERY} = 0`;
  const rareUser = Math.max(1, Math.floor(seeded * 0.43));
  const smallSample = await withClient(options.small.databaseUrl, async (client) => {
    await client.query(deactivate.replace('%s', 'users'));
    await client.query(deactivate.replace('%s', 'user_views'));
    await vacuum(client);
    return sampleOf(client, rareUser);
  });
  let loadSeconds = 0;
  const largeStack = await options.startLarge(async (databaseUrl) => {
    const loadStarted = performance.now();
    await withClient(databaseUrl, async (client) => {
      await addUsers(client, 1, large, DEACTIVATE_EVERY);
      await vacuum(client);
    });
    loadSeconds = (performance.now() - loadStarted) / 1000;
  });
  let paths: ScalePath[];
  let largeSample: Side['sample'];
  try {
    largeSample = await withClient(largeStack.databaseUrl, (client) => sampleOf(client, rareUser));
    log(`scale: ${largeSample.total} users loaded in ${loadSeconds.toFixed(0)} s (insert, vacuum analyze)`);
    paths = await timeSideBySide(
      { ...options.small, sample: smallSample },
      { ...largeStack, sample: largeSample },
      requests,
    );
  } finally {
    await largeStack.stop();
  }
  for (const path of paths) {
    log(
      `scale: ${path.name}: p50 ${path.small.p50.toFixed(2)} → ${path.large.p50.toFixed(2)} ms (${path.ratio.toFixed(2)}×), p99 ${path.small.p99.toFixed(2)} → ${path.large.p99.toFixed(2)} ms`,
    );
  }
  return { small: smallSample.total, large: largeSample.total, requests, loadSeconds, paths };
}
