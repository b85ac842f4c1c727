#!/usr/bin/env node
// `node scripts/turbo-complete.mjs run <tasks>…`: turbo, failing unless every task it planned succeeded.
// Stopped by SIGTERM or SIGINT, turbo ends the tasks it runs, prints "Tasks: 22 successful, 39 total" and
// exits 0: a test run cut short would pass. This passes turbo's output through and turns such an end into
// exit code 1. (A run with nothing to do, `--affected` on an unchanged tree, may print no summary: it passes.)
import { spawn } from 'node:child_process';

const SUMMARY = /Tasks:\s+(\d+) successful, (\d+) total/;
const COLORS = /\u001b\[[0-9;]*m/g;

/** Why a turbo run that exited 0 is not a pass, from its output; `undefined` when it is one. */
export function incompleteRun(output) {
  const summary = SUMMARY.exec(output.replace(COLORS, ''));
  if (summary === null) return undefined;
  const [, successful, total] = summary;
  return successful === total ? undefined : `only ${successful} of ${total} turbo tasks succeeded`;
}

if (import.meta.main) {
  const turbo = spawn('turbo', process.argv.slice(2), { stdio: ['inherit', 'pipe', 'inherit'] });
  turbo.on('error', (error) => {
    console.error(`turbo-complete: could not run turbo (${error.message}); run it through pnpm`);
    process.exitCode = 1;
  });
  let tail = '';
  turbo.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString()).slice(-8192);
  });
  turbo.on('close', (code, signal) => {
    if (code !== 0) {
      process.exitCode = code ?? 1;
      if (signal !== null) console.error(`turbo-complete: turbo was stopped by ${signal}`);
      return;
    }
    const problem = incompleteRun(tail);
    if (problem !== undefined) {
      console.error(`turbo-complete: ${problem}; failing the run`);
      process.exitCode = 1;
    }
  });
}
