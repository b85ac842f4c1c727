import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const isAlive = (pid: number): boolean => {
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).startsWith('Z');
  } catch {
    return false; // ps exits 1 when there is no such process.
  }
};

/**
 * Runs a Node process that starts a detached `sleep` guarded by the safety net, prints its pid, then ends the
 * way `ending` says — without any cleanup of its own.
 */
const orphanAServer = async (ending: 'exit' | 'sigkill'): Promise<{ dir: string; pid: number }> => {
  const dir = await mkdtemp(join(tmpdir(), 'cf-safety-'));
  const script = `
    import { spawn } from 'node:child_process';
    import { writeFileSync } from 'node:fs';
    import { installSafetyNet } from ${JSON.stringify(join(import.meta.dirname, 'safety-net.ts'))};
    const dir = ${JSON.stringify(dir)};
    const server = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
    writeFileSync(dir + '/server.pid', String(server.pid));
    installSafetyNet(dir, [{ pidFile: dir + '/server.pid', signal: 'TERM' }]);
    console.log(server.pid);
    if (${JSON.stringify(ending)} === 'exit') process.exit(0);
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = await new Promise<number>((resolve) =>
    child.stdout.once('data', (data) => resolve(Number(data))),
  );
  if (ending === 'sigkill') child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return { dir, pid };
};

describe('installSafetyNet', () => {
  it('ends the guarded processes and deletes the directory when the test process exits', async () => {
    const { dir, pid } = await orphanAServer('exit');
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false));
    expect(existsSync(dir)).toBe(false);
  });

  it('ends the guarded processes and deletes the directory when the test process is SIGKILLed', async () => {
    const { dir, pid } = await orphanAServer('sigkill');
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 5_000 });
    await vi.waitFor(() => expect(existsSync(dir)).toBe(false));
  });
});
