import { execFileSync, spawn } from 'node:child_process';
import { Socket } from 'node:net';

/** A process to end when the test process goes away, found through a pid file, and the signal to send first. */
export interface GuardedProcess {
  pidFile: string;
  signal: 'QUIT' | 'TERM' | 'KILL';
}

/** Undoes what `installSafetyNet` registered, once the instance has cleaned up after itself. */
export interface SafetyNet {
  release(): void;
}

// Signals each pid found (SIGKILL after 5 s if it is still alive; a zombie counts as gone), then deletes the dir.
// Paths come through the environment, not argv, so `pgrep -f <dir>` finds the servers, never this script.
const cleanupScript = `
alive() { s=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$s" ] && [ "\${s#Z}" = "$s" ]; }
printf '%s\\n' "$CF_GUARDED" | while read -r signal file; do
  pid=$(cat "$file" 2>/dev/null)
  if [ -n "$pid" ]; then
    kill -"$signal" "$pid" 2>/dev/null
    i=0; while alive "$pid" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill -KILL "$pid" 2>/dev/null
  fi
done
rm -rf "$CF_DIR"
`;

const pending = new Set<() => void>();
let exitHookInstalled = false;

/**
 * Makes sure `processes` end and `dir` is deleted even if the test never calls destroy(): synchronously on
 * process exit, and through a detached watchdog shell that waits for this process's end of a pipe to close —
 * which also covers SIGTERM and SIGKILL of the test process, where no exit handler runs.
 */
export function installSafetyNet(dir: string, processes: readonly GuardedProcess[]): SafetyNet {
  const env = {
    PATH: process.env.PATH,
    CF_DIR: dir,
    CF_GUARDED: processes.map((guarded) => `${guarded.signal} ${guarded.pidFile}`).join('\n'),
  };
  const watchdog = spawn('/bin/sh', ['-c', `cat >/dev/null 2>&1; ${cleanupScript}`, 'cf-test-watchdog'], {
    env,
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', () => {});
  watchdog.stdin?.on('error', () => {});
  watchdog.unref();
  if (watchdog.stdin instanceof Socket) watchdog.stdin.unref();

  const cleanUpNow = (): void => {
    try {
      execFileSync('/bin/sh', ['-c', cleanupScript, 'cf-test-cleanup'], {
        env,
        stdio: 'ignore',
        timeout: 15_000,
      });
    } catch {
      // Exit handlers cannot report anything useful; the watchdog gets a second chance.
    }
  };
  pending.add(cleanUpNow);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const cleanUp of pending) cleanUp();
    });
  }
  return {
    release: () => {
      pending.delete(cleanUpNow);
      watchdog.kill('SIGKILL');
    },
  };
}
