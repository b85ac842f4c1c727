import { mkdirSync, writeFileSync } from 'node:fs';
import { RESULTS_DIR } from '../common/paths.js';
import type { BenchResults } from '../common/results.js';
import { chartSvg } from './chart.js';
import { resultTables } from './table.js';

/** Prints the tables and writes `results/latest.json`, a timestamped copy and `results/chart.svg`. */
export function writeReport(results: BenchResults): void {
  console.log(`\n${resultTables(results)}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const stamp = results.startedAt.replaceAll(':', '-').slice(0, 19);
  writeFileSync(`${RESULTS_DIR}latest.json`, json);
  writeFileSync(`${RESULTS_DIR}bench-${stamp}.json`, json);
  writeFileSync(`${RESULTS_DIR}chart.svg`, chartSvg(results));
  const missed = results.targets.filter((target) => !target.met).length;
  console.log(
    `bench: ${results.targets.length - missed} of ${results.targets.length} targets met; wrote ${RESULTS_DIR}latest.json and chart.svg`,
  );
}
