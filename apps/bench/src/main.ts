// `pnpm bench`: the built apps on a fresh database seeded with users, under load from a separate process, side
// by side with raw baselines run in the same session; prints a table with the targets, writes JSON and an SVG.
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createTestDatabase, uniquePrefix } from '@contextflow/runtime/testing';
import { benchConfig } from './config.js';
import { login } from './http.js';
import { benchKey } from './keys.js';
import type { LoadPhase } from './load/load-spec.js';
import { medianOfRounds } from './load/rounds.js';
import { runLoad } from './load/run-load.js';
import { commandCompletion } from './phases/command-completion.js';
import { rawBrokerLoop } from './phases/raw-broker.js';
import { scalePhase } from './phases/scale.js';
import { scheduledTimers } from './phases/scheduled-timers.js';
import { sequentialCommands } from './phases/sequential.js';
import { type NodeProcess, sampleRss, withMachineCpu } from './process/node-process.js';
import { writeReport } from './report/write-report.js';
import { seed } from './data/seed.js';
import { LOG_DIR, PROFILE_DIR } from './common/paths.js';
import type { BenchResults, LoadResult } from './common/results.js';
import { sleep } from './common/stats.js';
import {
  ADMIN,
  appEnv,
  cleanUp,
  migrate,
  type Started,
  startEmbedded,
  startFloorHttp,
  startHttp,
  startHttpOnNewDatabase,
  startRawHttp,
  startWorker,
} from './stack.js';
import { evaluateTargets } from './targets.js';

const config = benchConfig();
const log = (text: string): void => console.log(`bench: ${text}`);

async function main(): Promise<void> {
  const startedAt = new Date();
  rmSync(LOG_DIR, { recursive: true, force: true });
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const loadAverage = loadavg();
  const database = await createTestDatabase();
  /** More databases of the run (the scale phase's), dropped with the main one. */
  const dropLater: { drop(): Promise<void> }[] = [];
  const namespace = uniquePrefix('bench');
  const key = benchKey();
  const running = new Set<NodeProcess>();
  const track = (started: Started): Started => {
    running.add(started.process);
    return started;
  };
  const stop = async (started: Started): Promise<void> => {
    running.delete(started.process);
    await started.process.stop();
  };
  const env = appEnv({
    databaseUrl: database.url,
    amqpUrl: config.amqpUrl,
    namespace,
    key,
    cpuProfile: config.cpuProfile,
  });
  // Ctrl-C or a kill still stops the processes and removes the database and the broker objects.
  const abort = (signal: string): void => {
    log(`${signal}: cleaning up`);
    void Promise.allSettled([...running].map((p) => p.stop()))
      .then(() =>
        Promise.allSettled([
          cleanUp(config.amqpUrl, namespace),
          database.drop(),
          ...dropLater.map((d) => d.drop()),
        ]),
      )
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    log(`database ${database.name}, broker namespace ${namespace}`);
    const migrateMs = await migrate(env);
    // A first start creates the bootstrap administrator (one password hash); the measured start finds it.
    await stop(track(await startHttp(env)));
    const ids = await seed(database.url, config.users);
    log(`seeded ${ids.length} users`);

    const http = track(await startHttp(env));
    let worker = track(await startWorker(env));
    const raw = track(
      await startRawHttp({ PATH: env.PATH, DATABASE_URL: database.url, JWT_PUBLIC_JWK: key.publicJwk }),
    );
    const floor = track(
      await startFloorHttp({ PATH: env.PATH, DATABASE_URL: database.url, JWT_PUBLIC_JWK: key.publicJwk }),
    );
    const httpReadyMs = http.readyMs;
    const workerReadyMs = worker.readyMs;
    log(`http ready in ${httpReadyMs.toFixed(0)} ms, worker in ${workerReadyMs.toFixed(0)} ms`);
    // The worker's start-up work (topology, the retention sweep, the relay's first pass) settles before the
    // first measured phase, so it does not land in the full app's numbers alone.
    await sleep(3_000);
    const rss: BenchResults['rss'] = {};
    const idle = { http: http.process.rssMiB(), worker: worker.process.rssMiB() };
    const token = await login(http.baseUrl, ADMIN.email, ADMIN.password);
    const auth = { authorization: `Bearer ${token}` };
    const peaks: Record<string, number> = {};
    const load = async (
      label: string,
      target: Started,
      spec: LoadPhase,
      watch: NodeProcess[],
    ): Promise<LoadResult> => {
      const sampler = sampleRss(watch);
      const cpuBefore = target.process.cpuMs();
      const measured = await runLoad({
        baseUrl: target.baseUrl,
        connections: config.connections,
        warmupSeconds: config.warmupSeconds,
        seconds: config.seconds,
        ...spec,
      });
      const result = {
        ...measured,
        serverCpuMicros:
          ((target.process.cpuMs() - cpuBefore) * 1000) / (measured.requests + measured.warmupRequests),
      };
      for (const [name, peak] of Object.entries(sampler.stop()))
        peaks[name] = Math.max(peaks[name] ?? 0, peak);
      log(
        `${label}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.serverCpuMicros.toFixed(0)} µs CPU per request (${result.ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors)`,
      );
      if (result.ok === 0 || result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
      }
      return result;
    };
    /**
     * Side-by-side phases in `config.rounds` rounds, the targets taking turns round by round, so a drift of
     * the machine (a noisy neighbour, the page cache) falls on every target; each measure is their median.
     * `config.warmupRounds` rounds go first, taken the same way and not counted: started a few seconds
     * before, the http app served its first 10 s of GETs at 3,017 req/s and 314 µs of CPU each, its next
     * three at 6,005–6,527 req/s and 141–168 µs; the floor's first 6,525, then 7,022–7,201.
     */
    const interleaved = async <K extends string>(
      turns: readonly (readonly [K, string, Started, LoadPhase, NodeProcess[]])[],
    ): Promise<Record<K, LoadResult>> => {
      for (let round = 1; round <= config.warmupRounds; round += 1) {
        for (const [, label, target, spec, watch] of turns) {
          await load(
            `${label}, warm-up round ${round} of ${config.warmupRounds} (not counted)`,
            target,
            spec,
            watch,
          );
        }
      }
      const rounds = new Map<K, LoadResult[]>();
      for (let round = 1; round <= config.rounds; round += 1) {
        for (const [side, label, target, spec, watch] of turns) {
          const result = await load(`${label}, round ${round} of ${config.rounds}`, target, spec, watch);
          rounds.set(side, [...(rounds.get(side) ?? []), result]);
        }
      }
      return Object.fromEntries(
        turns.map(([side]) => [side, medianOfRounds(rounds.get(side) ?? [])]),
      ) as Record<K, LoadResult>;
    };
    const watchFull = [http.process, worker.process];
    const getSpec = { method: 'GET', path: '/users/{id}', ids, headers: auth } as const;
    const getUser = await interleaved([
      ['full', 'GET /users/{id} full', http, getSpec, watchFull],
      ['raw', 'GET /users/{id} raw', raw, getSpec, [raw.process]],
      ['floor', 'GET /users/{id} floor', floor, getSpec, [floor.process]],
    ]);
    const listSpec = { method: 'GET', path: '/users?limit=20', headers: auth } as const;
    const listUsers = await interleaved([
      ['full', 'GET /users?limit=20 full', http, listSpec, watchFull],
      ['raw', 'GET /users?limit=20 raw', raw, listSpec, [raw.process]],
      ['floor', 'GET /users?limit=20 floor', floor, listSpec, [floor.process]],
    ]);
    await stop(floor);

    // Accept rate: the worker is stopped, so the http app and the raw server each have the box to themselves.
    await stop(worker);
    const patch = {
      method: 'PATCH' as const,
      path: '/users/{id}',
      ids,
      body: '{"name":"Bench {n}"}',
      headers: { ...auth, 'content-type': 'application/json' },
    };
    const acceptSince = new Date();
    const accept = await interleaved([
      ['full', 'PATCH /users/{id} accept full', http, patch, [http.process]],
      ['raw', 'PATCH two-row insert raw', raw, patch, [raw.process]],
    ]);

    // End-to-end throughput: the worker drains the backlog the accept phase left (outbox → RabbitMQ → worker).
    worker = track(await startWorker(env));
    const drainFrom = new Date();
    const sampler = sampleRss([http.process, worker.process]);
    const drain = await withMachineCpu(() => commandCompletion(database.url, acceptSince, drainFrom));
    if (drain.failed > 0) throw new Error(`${drain.failed} commands failed while draining the backlog`);
    log(
      `end to end (backlog drain): ${drain.count} commands, ${drain.perSecond.toFixed(0)}/s, ${drain.machineCpuMicros.toFixed(0)} µs machine CPU per command`,
    );

    // End-to-end latency under load: commands accepted and processed at the same time.
    const since = new Date();
    const accepted = await load(
      'PATCH /users/{id} end to end (accept)',
      http,
      { ...patch, amount: config.e2eCommands, warmupSeconds: 0 },
      [],
    );
    const underLoad = await commandCompletion(database.url, since);
    for (const [name, peak] of Object.entries(sampler.stop())) peaks[name] = Math.max(peaks[name] ?? 0, peak);
    if (underLoad.failed > 0) throw new Error(`${underLoad.failed} commands failed in the end-to-end phase`);
    log(
      `end to end under load: ${underLoad.count} commands, ${underLoad.perSecond.toFixed(0)}/s, p50 ${underLoad.p50.toFixed(1)} ms, p99 ${underLoad.p99.toFixed(1)} ms`,
    );
    // Includes the loop's own start and stop (a few % of the phase): it overstates the raw cost, if anything.
    const rawBroker = await withMachineCpu(() =>
      rawBrokerLoop({
        PATH: env.PATH,
        DATABASE_URL: database.url,
        AMQP_URL: config.amqpUrl,
        QUEUE: `${namespace}raw-baseline`,
        COUNT: String(config.brokerMessages),
      }),
    );
    log(
      `raw broker loop: ${rawBroker.count} messages, ${rawBroker.perSecond.toFixed(0)}/s, p50 ${rawBroker.p50.toFixed(1)} ms, p99 ${rawBroker.p99.toFixed(1)} ms, ${rawBroker.machineCpuMicros.toFixed(0)} µs machine CPU per message`,
    );

    const sequential = await sequentialCommands(
      http.baseUrl,
      token,
      ids[0] ?? '',
      config.sequentialCommands,
      database.url,
    );
    log(
      `sequential: server p50 ${sequential.server.p50.toFixed(1)} ms, p99 ${sequential.server.p99.toFixed(1)} ms`,
    );
    // Last on the stack: it grows the users tables a hundredfold, which the phases above must not see.
    const scale =
      config.scaleUsers > config.users
        ? await scalePhase({
            small: { baseUrl: http.baseUrl, token, databaseUrl: database.url },
            startLarge: (fill) =>
              startHttpOnNewDatabase(env, fill, {
                database: (created) => dropLater.push(created),
                app: (app) => track(app),
              }),
            seeded: config.users,
            large: config.scaleUsers,
            requests: config.scaleRequests,
            log,
          })
        : undefined;
    const scheduler = await scheduledTimers(database.url, ids, config.timers);
    if (scheduler.failed > 0 || scheduler.early > 0)
      throw new Error(`scheduler: ${scheduler.failed} timers failed, ${scheduler.early} fired early`);
    log(
      `scheduler: ${scheduler.timers} timers due in one second, due → fired p50 ${scheduler.dueToFired.p50.toFixed(0)} ms, p99 ${scheduler.dueToFired.p99.toFixed(0)} ms (${scheduler.firedPerSecond.toFixed(0)}/s); due → succeeded p50 ${scheduler.dueToSucceeded.p50.toFixed(0)} ms, p99 ${scheduler.dueToSucceeded.p99.toFixed(0)} ms (${scheduler.succeededPerSecond.toFixed(0)}/s)`,
    );
    rss.http = { idle: idle.http, load: peaks.http ?? 0 };
    rss.worker = { idle: idle.worker, load: peaks.worker ?? 0 };
    rss.raw = { idle: 0, load: peaks.raw ?? 0 };
    await Promise.all([stop(http), stop(worker), stop(raw)]);

    const embedded = track(
      await startEmbedded({
        PATH: env.PATH,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    log(`embedded ready in ${embedded.readyMs.toFixed(0)} ms`);
    await sleep(1_000);
    const embeddedIdle = embedded.process.rssMiB();
    const embeddedToken = await login(embedded.baseUrl, ADMIN.email, ADMIN.password);
    await load(
      'embedded GET /users?limit=20',
      embedded,
      {
        method: 'GET',
        path: '/users?limit=20',
        headers: { authorization: `Bearer ${embeddedToken}` },
        seconds: Math.min(config.seconds, 5),
      },
      [embedded.process],
    );
    rss.embedded = { idle: embeddedIdle, load: peaks.embedded ?? 0 };
    await stop(embedded);

    const partial: Omit<BenchResults, 'targets'> = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage },
      config: {
        users: config.users,
        warmupSeconds: config.warmupSeconds,
        seconds: config.seconds,
        connections: config.connections,
        rounds: config.rounds,
        warmupRounds: config.warmupRounds,
        e2eCommands: config.e2eCommands,
        brokerMessages: config.brokerMessages,
        sequentialCommands: config.sequentialCommands,
        scaleUsers: config.scaleUsers,
        scaleRequests: config.scaleRequests,
        timers: config.timers,
      },
      startup: { migrateMs, httpReadyMs, workerReadyMs, embeddedReadyMs: embedded.readyMs },
      rss,
      getUser,
      listUsers,
      accept,
      endToEnd: { full: drain, underLoad, raw: rawBroker, accepted },
      sequential,
      scale,
      scheduler,
    };
    const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
    writeReport(results);
  } finally {
    await Promise.all([...running].map((p) => p.stop()));
    await cleanUp(config.amqpUrl, namespace);
    await Promise.all([database.drop(), ...dropLater.map((d) => d.drop())]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
