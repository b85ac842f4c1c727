import { fileURLToPath } from 'node:url';

/** The repository root (this file is `apps/bench/{src,dist}/common/paths.*`). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The built apps the bench starts. */
export const HTTP_MAIN = `${repoRoot}apps/http/dist/main.js`;
export const WORKER_MAIN = `${repoRoot}apps/worker/dist/main.js`;
export const DEV_MAIN = `${repoRoot}apps/http/dist/dev.js`;
/** The bench's own child-process entry points (built next to this file). */
export const LOAD_CHILD = fileURLToPath(new URL('../load/load-child.js', import.meta.url));
export const RAW_HTTP_CHILD = fileURLToPath(new URL('../raw/raw-http-server.js', import.meta.url));
export const RAW_BROKER_CHILD = fileURLToPath(new URL('../raw/raw-broker-loop.js', import.meta.url));
/** Where a run's JSON and SVG go (git-ignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
/** The log of every process of the latest run (git-ignored). */
export const LOG_DIR = `${RESULTS_DIR}logs/`;
/** CPU profiles of the apps, with `BENCH_CPU_PROF=1` (git-ignored). */
export const PROFILE_DIR = `${RESULTS_DIR}profiles/`;
