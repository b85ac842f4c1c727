#!/usr/bin/env node
// Fails the build when a package breaks the layer rules of the README ("Layer rules and how they are enforced").
import { checkLayers } from './layers.mjs';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
const violations = checkLayers(root);
if (violations.length > 0) {
  for (const v of violations) console.error(`layers: ${v}`);
  console.error(
    `layers: ${violations.length} violation(s) of the layer rules (README, "Layer rules and how they are enforced")`,
  );
  process.exit(1);
}
console.log('layers: every package respects the dependency rules');
