// `node dist/profile-summary.js <file.cpuprofile>…`: where a V8 CPU profile's time went, by package and by
// function (self time), to read next to the bench's numbers without opening DevTools.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

/** The package a script URL belongs to: `node_modules/<name>`, the workspace package, `node:` or `(vm)`. */
function packageOf(url: string): string {
  if (url === '') return '(native, GC, idle)';
  if (url.startsWith('node:')) return 'node (core)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(url);
  return workspace === null ? url : `@contextflow/${workspace[2]}`;
}

function top(totals: Map<string, number>, all: number, count: number): string {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => `  ${((hits / all) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
}

for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    // Idle time is not where the time went: shares are of the busy samples.
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    all += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    const name = `${functionName || '(anonymous)'} ${pkg}${url === '' ? '' : `:${lineNumber + 1}`}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  console.log(
    `${file}: ${seconds.toFixed(1)} s, ${all} busy samples\nself time by package:\n${top(byPackage, all, 15)}`,
  );
  console.log(`self time by function:\n${top(byFunction, all, 25)}\n`);
}
