// The folders of a package's `src` must not import each other in a circle: what two folders share lives in a
// folder both import. Only shipped code counts (a test is imported by nobody, so it closes no circle), and the
// package's entry points (what its `exports` map points at) stand for the package, not for their folder.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importsOf, isTestFile, sourceFiles } from './source-files.mjs';

/** The source files the `exports` map of a package points at, as absolute paths. */
function entryFiles(pkgRoot, exportsMap) {
  const entries = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./src/')) entries.add(resolve(pkgRoot, value));
    } else if (value !== null && typeof value === 'object') {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk(exportsMap);
  return entries;
}

/** Folder → folder → the first import that makes the edge (`file:line imports "spec"`). */
function folderGraph(pkgRoot, exportsMap) {
  const src = join(pkgRoot, 'src');
  const entries = entryFiles(pkgRoot, exportsMap);
  const folderOf = (path) => relative(src, path).split(sep).join('/') || '.';
  const graph = new Map();
  for (const file of sourceFiles(src)) {
    if (isTestFile(file) || entries.has(file)) continue;
    const from = folderOf(dirname(file));
    for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(src + sep)) continue;
      const to = folderOf(dirname(target));
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map();
      if (!edges.has(to))
        edges.set(to, `${relative(src, file).split(sep).join('/')}:${line} imports "${spec}"`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** The groups of folders that reach each other (strongly connected components of two or more), sorted. */
function circles(graph) {
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])])].sort();
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return groups.sort((a, b) => a[0].localeCompare(b[0]));
}

/** A shortest circle through `start` inside `group`, as the list of folders from `start` back to it. */
function circleThrough(graph, group, start) {
  const inGroup = new Set(group);
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (next === start) {
        const path = [node];
        for (let at = previous.get(node); at !== null; at = previous.get(at)) path.unshift(at);
        return [...path, start];
      }
      if (inGroup.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * One message per group of folders of `pkg` (a workspace package: `dir`, `json`) that import each other in a
 * circle, naming the group's shortest circle and the import behind each step; empty when there is none.
 */
export function folderCycles(root, pkg) {
  const pkgRoot = join(root, pkg.dir);
  const graph = folderGraph(pkgRoot, pkg.json.exports);
  return circles(graph).map((group) => {
    // The shortest circle of the group (the first by name among equals): the one to read first.
    const path = group
      .map((start) => circleThrough(graph, group, start))
      .reduce((shortest, path) => (path.length < shortest.length ? path : shortest));
    const steps = path.slice(1).map((to, i) => graph.get(path[i]).get(to));
    return `${pkg.dir}/src: folders import each other in a circle: ${path.join(' → ')} (${steps.join('; ')}); move what they share into a folder both import`;
  });
}
