// The load generator: its own process, so its CPU is not the bench's. It gets one LoadSpec over IPC, runs the
// warm-up and the measured run with autocannon, answers one LoadResult and exits.
import autocannon, { type Options, type RequestParams } from 'autocannon';
import type { LoadResult } from '../common/results.js';
import type { LoadSpec } from './load-spec.js';

function options(spec: LoadSpec, seconds: number, amount?: number): Options {
  let n = 0;
  const ids = spec.ids ?? [];
  return {
    url: spec.baseUrl,
    connections: spec.connections,
    ...(amount === undefined ? { duration: seconds } : { amount }),
    ...(spec.rate === undefined ? {} : { overallRate: spec.rate }),
    timeout: 30,
    requests: [
      {
        method: spec.method,
        headers: { ...spec.headers },
        setupRequest: (request: RequestParams) => {
          n += 1;
          const id = ids.length === 0 ? '' : (ids[n % ids.length] ?? '');
          return {
            ...request,
            path: spec.path.replace('{id}', id),
            ...(spec.body === undefined ? {} : { body: spec.body.replace('{n}', String(n)) }),
          };
        },
      },
    ],
  };
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const warmup = spec.warmupSeconds > 0 ? await autocannon(options(spec, spec.warmupSeconds)) : undefined;
  const started = performance.now();
  const result = await autocannon(options(spec, spec.seconds, spec.amount));
  const seconds = spec.amount === undefined ? result.duration : (performance.now() - started) / 1000;
  const ok = result['2xx'];
  return {
    requests: result.requests.total,
    warmupRequests: warmup?.requests.total ?? 0,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds,
    rps: ok / seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});
