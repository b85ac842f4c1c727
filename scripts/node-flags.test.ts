import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=512'];

// The apps' V8 heap limits (README, Results) are given where they start: the bench measures what ships.
describe('the V8 flags the apps start with', () => {
  it('are the same in package.json, the Dockerfile and the bench', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:http']).toBe(`node ${FLAGS.join(' ')} apps/http/dist/main.js`);
    expect(scripts['start:worker']).toBe(`node ${FLAGS.join(' ')} apps/worker/dist/main.js run`);
    expect(read('Dockerfile')).toContain(
      `ENTRYPOINT ["node", ${FLAGS.map((f) => `"${f}"`).join(', ')}, "dist/main.js"]`,
    );
    expect(read('apps/bench/src/stack.ts')).toContain(
      `APP_NODE_FLAGS = [${FLAGS.map((f) => `'${f}'`).join(', ')}] as const`,
    );
  });
});
