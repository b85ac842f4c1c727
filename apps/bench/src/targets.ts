import type { BenchResults, TargetResult } from './common/results.js';

const pct = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** The targets, each with this run's value (ratios within this one run). */
export function evaluateTargets(r: Omit<BenchResults, 'targets'>): TargetResult[] {
  const out: TargetResult[] = [];
  for (const [name, pair] of [
    ['GET /users/{id}', r.getUser],
    ['GET /users?limit=20', r.listUsers],
  ] as const) {
    const rps = pair.full.rps / pair.raw.rps;
    out.push({ name: `${name} req/s vs raw`, actual: pct(rps), target: '≥ 85%', met: rps >= 0.85 });
    const p99 = pair.full.p99 / pair.raw.p99;
    out.push({ name: `${name} p99 vs raw`, actual: `${p99.toFixed(2)}×`, target: '≤ 1.5×', met: p99 <= 1.5 });
    const floorRps = pair.full.rps / pair.floor.rps;
    out.push({
      name: `${name} req/s vs bare floor`,
      actual: pct(floorRps),
      target: '≥ 85%',
      met: floorRps >= 0.85,
    });
    const floorP99 = pair.full.p99 / pair.floor.p99;
    out.push({
      name: `${name} p99 vs bare floor`,
      actual: `${floorP99.toFixed(2)}×`,
      target: '≤ 1.5×',
      met: floorP99 <= 1.5,
    });
  }
  for (const path of r.scale?.paths ?? []) {
    out.push({
      name: `${path.name} p50 at ${r.scale?.large} vs ${r.scale?.small} users`,
      actual: `${path.ratio.toFixed(2)}×`,
      target: '≤ 1.5×',
      met: path.ratio <= 1.5,
    });
  }
  const e2e = r.endToEnd.full.perSecond / r.endToEnd.raw.perSecond;
  out.push({
    name: 'command end-to-end vs raw broker loop',
    actual: pct(e2e),
    target: '≥ 50%',
    met: e2e >= 0.5,
  });
  const accept = r.accept.full.rps / r.accept.raw.rps;
  out.push({
    name: 'accept rate vs raw two-row insert',
    actual: pct(accept),
    target: '≥ 100%',
    met: accept >= 1,
  });
  const seq = r.sequential.server;
  out.push({
    name: 'sequential accept → succeeded p50',
    actual: ms(seq.p50),
    target: '≤ 15 ms',
    met: seq.p50 <= 15,
  });
  out.push({
    name: 'sequential accept → succeeded p99',
    actual: ms(seq.p99),
    target: '≤ 50 ms',
    met: seq.p99 <= 50,
  });
  out.push({
    name: 'http ready (migrations applied)',
    actual: ms(r.startup.httpReadyMs),
    target: '< 1000 ms',
    met: r.startup.httpReadyMs < 1000,
  });
  // The target is the apps' (http, worker). Embedded mode runs PostgreSQL itself inside the process (PGlite,
  // WebAssembly: ~400 MiB before the first request); its RSS is reported, not held to the apps' target.
  for (const [process, rss] of Object.entries(r.rss)) {
    if (process === 'raw' || process === 'embedded') continue;
    out.push({
      name: `RSS under load: ${process}`,
      actual: `${rss.load.toFixed(0)} MiB`,
      target: '< 200 MB',
      met: rss.load * 1.048576 < 200,
    });
  }
  return out;
}
