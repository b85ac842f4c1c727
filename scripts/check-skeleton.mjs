#!/usr/bin/env node
// Fails the build when a context (a generated one too) leaves the skeleton every context has (the README,
// "Inside a context").
import { checkSkeleton } from './skeleton.mjs';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
const violations = checkSkeleton(root);
if (violations.length > 0) {
  for (const v of violations) console.error(`skeleton: ${v}`);
  console.error(
    `skeleton: ${violations.length} place(s) where a context leaves the skeleton (README, "Inside a context")`,
  );
  process.exit(1);
}
console.log('skeleton: every context has the skeleton');
