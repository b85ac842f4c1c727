// `pnpm --filter @contextflow/bench focus <phase>…`: one or more load phases of the bench against a fresh
// stack, for profiling a change without the whole three-minute run. Phases: get, list, accept (the http app),
// raw-get, raw-list, raw-accept (the raw baseline), floor-get, floor-list (the bare floor: no auth), drain (the
// worker drains what accept left), timers (BENCH_TIMERS scheduled commands due in one second, fired by the
// worker), scale (the read paths at BENCH_USERS and again after growing the tables to BENCH_SCALE_USERS; last,
// as it grows them). With
// BENCH_CPU_PROF=1 the apps write CPU profiles, summarised at the end. Each load phase reports the target's
// RSS (VmRSS) before it, its peak (sampled every 100 ms) and after it. FOCUS_HTTP_<NAME>=value reaches the
// http app alone as <NAME>, for experiments: FOCUS_HTTP_NODE_OPTIONS='--max-semi-space-size=16'; FOCUS_WORKER_<NAME>
// likewise reaches the worker alone: FOCUS_WORKER_WORKER_CONCURRENCY=20. FOCUS_RATE=n holds every load phase
// to n requests a second: at a rate both targets keep up with, their CPU per request compares the work each
// does per request, which saturated runs blur (how busy a process ran changes what a request costs it). `retry-group` (before `drain`, it starts
// the worker): per rate of FOCUS_RETRY_RATES (50,100,200,0 messages a second; 0: no limit), a group of
// FOCUS_RETRY_FAILURES (1000) failures, FOCUS_RETRY_DUPLICATES (100) of them dead-lettered twice, retried
// through the admin API at that rate: the rate achieved and whether any message had two effects.
import { readdirSync, rmSync } from 'node:fs';
import { createTestDatabase, uniquePrefix } from '@contextflow/runtime/testing';
import { benchConfig } from './config.js';
import { login } from './http.js';
import { benchKey } from './keys.js';
import type { LoadPhase } from './load/load-spec.js';
import { runLoad } from './load/run-load.js';
import { commandCompletion } from './phases/command-completion.js';
import { retryGroup } from './phases/retry-group.js';
import { scalePhase } from './phases/scale.js';
import { scheduledTimers } from './phases/scheduled-timers.js';
import { perItemMicros, sampleRss, withMachineCpu } from './process/node-process.js';
import { seed } from './data/seed.js';
import { PROFILE_DIR } from './common/paths.js';
import {
  ADMIN,
  appEnv,
  cleanUp,
  migrate,
  type Started,
  startFloorHttp,
  startHttp,
  startHttpOnNewDatabase,
  startRawHttp,
  startWorker,
} from './stack.js';

const PHASES = [
  'get',
  'list',
  'accept',
  'raw-get',
  'raw-list',
  'raw-accept',
  'floor-get',
  'floor-list',
  'drain',
  'timers',
  'retry-group',
  'scale',
] as const;
type Phase = (typeof PHASES)[number];
const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const isPhase = (name: string): name is Phase => (PHASES as readonly string[]).includes(name);

const phases = process.argv.slice(2);
if (phases.length === 0 || !phases.every(isPhase)) {
  console.error(`usage: focus <phase>… (phases: ${PHASES.join(', ')})`);
  process.exit(2);
}
const config = benchConfig();
rmSync(PROFILE_DIR, { recursive: true, force: true });
const database = await createTestDatabase();
const key = benchKey();
const namespace = uniquePrefix('focus');
const env = appEnv({
  databaseUrl: database.url,
  amqpUrl: config.amqpUrl,
  namespace,
  key,
  cpuProfile: config.cpuProfile,
});
const passed = (prefix: string) =>
  Object.fromEntries(
    Object.entries(process.env)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), value]),
  );
const httpEnv = passed('FOCUS_HTTP_');
const workerEnv = passed('FOCUS_WORKER_');
const started: Started[] = [];
const dropLater: { drop(): Promise<void> }[] = [];
try {
  await migrate(env);
  const ids = await seed(database.url, config.users);
  const http = await startHttp({ ...env, ...httpEnv });
  started.push(http);
  console.log(`http pid ${http.process.child.pid}, RSS ${http.process.rssMiB().toFixed(0)} MiB when ready`);
  // The baselines are profiled with the apps (NODE_OPTIONS carries --cpu-prof), for side-by-side summaries.
  const baselineEnv = {
    PATH: env.PATH,
    DATABASE_URL: database.url,
    JWT_PUBLIC_JWK: key.publicJwk,
    NODE_OPTIONS: env.NODE_OPTIONS,
  };
  const raw = await startRawHttp(baselineEnv);
  started.push(raw);
  const floor = await startFloorHttp(baselineEnv);
  started.push(floor);
  console.log(`raw pid ${raw.process.child.pid}, floor pid ${floor.process.child.pid}`);
  const token = await login(http.baseUrl, ADMIN.email, ADMIN.password);
  const auth = { authorization: `Bearer ${token}` };
  const patch = {
    method: 'PATCH',
    path: '/users/{id}',
    ids,
    body: '{"name":"Bench {n}"}',
    headers: { ...auth, 'content-type': 'application/json' },
  } as const;
  const specs: Record<Exclude<Phase, 'drain' | 'timers' | 'retry-group' | 'scale'>, [Started, LoadPhase]> = {
    get: [http, { method: 'GET', path: '/users/{id}', ids, headers: auth }],
    list: [http, { method: 'GET', path: '/users?limit=20', headers: auth }],
    accept: [http, patch],
    'raw-get': [raw, { method: 'GET', path: '/users/{id}', ids, headers: auth }],
    'raw-list': [raw, { method: 'GET', path: '/users?limit=20', headers: auth }],
    'raw-accept': [raw, patch],
    'floor-get': [floor, { method: 'GET', path: '/users/{id}', ids, headers: auth }],
    'floor-list': [floor, { method: 'GET', path: '/users?limit=20', headers: auth }],
  };
  const since = new Date();
  let worker: Started | undefined;
  const running = async (): Promise<Started> => {
    if (worker === undefined) {
      worker = await startWorker({ ...env, ...workerEnv });
      started.push(worker);
    }
    return worker;
  };
  for (const phase of phases) {
    if (phase === 'scale') {
      await scalePhase({
        small: { baseUrl: http.baseUrl, token, databaseUrl: database.url },
        startLarge: (fill) =>
          startHttpOnNewDatabase({ ...env, ...httpEnv }, fill, {
            database: (created) => dropLater.push(created),
            app: (app) => started.push(app),
          }),
        seeded: config.users,
        large: config.scaleUsers,
        requests: config.scaleRequests,
        log: console.log,
      });
      continue;
    }
    if (phase === 'retry-group') {
      if (worker !== undefined) throw new Error('run retry-group before drain and timers');
      const rates = (process.env.FOCUS_RETRY_RATES ?? '50,100,200,0').split(',').map(Number);
      if (!rates.every((rate) => Number.isFinite(rate) && rate >= 0))
        throw new Error(
          `FOCUS_RETRY_RATES must be rates separated by commas, not "${process.env.FOCUS_RETRY_RATES}"`,
        );
      const results = await retryGroup({
        databaseUrl: database.url,
        amqpUrl: config.amqpUrl,
        namespace,
        baseUrl: http.baseUrl,
        token: auth.authorization.slice('Bearer '.length),
        userIds: ids,
        failures: number('FOCUS_RETRY_FAILURES', 1000),
        duplicateCopies: number('FOCUS_RETRY_DUPLICATES', 100),
        rates,
        startWorker: async () => void (await running()),
      });
      for (const result of results) {
        const asked = result.askedRate > 0 ? `${result.askedRate}/s asked` : 'no limit';
        console.log(
          `retry-group: ${result.failures} failures (+${result.duplicateCopies} duplicate copies) retried, ${asked}: ` +
            `${result.achievedRate.toFixed(1)}/s achieved over ${result.seconds.toFixed(1)} s; ${result.succeeded} commands succeeded; ` +
            `${result.events} renamed events from ${result.commandsWithEvents} commands (duplicate effects: ${result.events - result.commandsWithEvents})`,
        );
      }
      continue;
    }
    if (phase === 'timers') {
      await running();
      const timers = await scheduledTimers(database.url, ids, config.timers);
      console.log(`timers: ${JSON.stringify(timers)}`);
      continue;
    }
    if (phase === 'drain') {
      const drainer = await running();
      const workerBefore = drainer.process.cpuMs();
      // Polling for the end adds up to 200 ms of idle machine: small next to a drain of several seconds.
      const drain = await withMachineCpu(() => commandCompletion(database.url, since, new Date()));
      const workerMicros = perItemMicros(drainer.process.cpuMs() - workerBefore, drain.count);
      console.log(
        `drain: ${drain.count} commands, ${drain.perSecond.toFixed(0)}/s (${drain.failed} failed); CPU per command: worker ${workerMicros.toFixed(0)} µs, whole machine ${drain.machineCpuMicros.toFixed(0)} µs`,
      );
      continue;
    }
    const [target, spec] = specs[phase];
    const rssBefore = target.process.rssMiB();
    const sampler = sampleRss([target.process], 100);
    const cpuBefore = target.process.cpuMs();
    const result = await runLoad({
      baseUrl: target.baseUrl,
      connections: config.connections,
      warmupSeconds: config.warmupSeconds,
      seconds: config.seconds,
      ...(process.env.FOCUS_RATE === undefined ? {} : { rate: number('FOCUS_RATE', 0) }),
      ...spec,
    });
    const cpu = ((target.process.cpuMs() - cpuBefore) * 1000) / (result.requests + result.warmupRequests);
    const rssPeak = sampler.stop()[target.process.name] ?? 0;
    console.log(
      `${phase}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${cpu.toFixed(0)} µs CPU/request (${result.non2xx} non-2xx, ${result.errors} errors); RSS ${rssBefore.toFixed(0)} MiB before, ${rssPeak.toFixed(0)} MiB peak, ${target.process.rssMiB().toFixed(0)} MiB after`,
    );
  }
} finally {
  await Promise.all(started.map((s) => s.process.stop()));
  await cleanUp(config.amqpUrl, namespace);
  await Promise.all([database.drop(), ...dropLater.map((d) => d.drop())]);
}
if (config.cpuProfile) {
  for (const file of readdirSync(PROFILE_DIR)) console.log(`profile: ${PROFILE_DIR}${file}`);
}
