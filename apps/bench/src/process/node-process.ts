import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_DIR } from '../common/paths.js';
import { sleep } from '../common/stats.js';

/** A Node child process of the bench, logging to a file of its own. */
export interface NodeProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** When `spawn` was called (performance.now()). */
  readonly startedAt: number;
  /** Resolves with the time (performance.now()) the log was first seen to contain `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<number>;
  /** The resident set size now, in MiB (0 once exited). */
  rssMiB(): number;
  /** CPU time (user + system) the process has used so far, in ms (0 once exited). */
  cpuMs(): number;
  /** The last log lines, for error messages. */
  tail(): string;
  /** SIGTERM, then the exit code; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

const TAIL = 40;

/**
 * Starts `node <args>` with exactly `env` (nothing of the bench's environment leaks in unless passed). Its
 * stdout and stderr go straight to `<logDir>/<name>.log`, so logging under load costs the bench nothing;
 * `waitFor` reads that file until the marker shows up.
 */
export function startNode(
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: { ipc?: boolean; logDir?: string } = {},
): NodeProcess {
  const dir = options.logDir ?? LOG_DIR;
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const startedAt = performance.now();
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', fd, fd, ...(options.ipc === true ? (['ipc'] as const) : [])],
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const tail = (): string => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-TAIL).join('\n');
    } catch {
      return '(no log)';
    }
  };
  return {
    name,
    child,
    startedAt,
    async waitFor(text, timeoutMs = 60_000) {
      const deadline = performance.now() + timeoutMs;
      let offset = 0;
      let partial = '';
      for (;;) {
        const at = performance.now();
        const content = readFileSync(logFile);
        if (content.length > offset) {
          partial += content.subarray(offset).toString('utf8');
          offset = content.length;
          if (partial.includes(text)) return at;
          partial = partial.slice(partial.lastIndexOf('\n') + 1);
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(
            `${name} exited (${child.exitCode ?? child.signalCode}) before "${text}"; last lines:\n${tail()}`,
          );
        }
        if (at > deadline)
          throw new Error(`${name}: no "${text}" within ${timeoutMs} ms; last lines:\n${tail()}`);
        await sleep(2);
      }
    },
    rssMiB() {
      return child.pid === undefined || child.exitCode !== null ? 0 : rssOf(child.pid);
    },
    cpuMs() {
      return child.pid === undefined || child.exitCode !== null ? 0 : cpuOf(child.pid);
    },
    tail,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(kill);
      }
    },
  };
}

/** utime + stime of a process in ms, from /proc (Linux, 100 ticks per second); 0 when it cannot be read. */
export function cpuOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time the whole machine spent busy (every core, every process, the kernel too), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  // cpu  user nice system idle iowait irq softirq steal …, in clock ticks (100 per second).
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return (fields.reduce((sum, n) => sum + n, 0) - idle) * 10;
}

/** `busyMs` of CPU spread over `count` items, in µs each. */
export function perItemMicros(busyMs: number, count: number): number {
  return count === 0 ? Number.NaN : (busyMs * 1000) / count;
}

/** Runs `work` and adds what the whole machine spent on it per item it counted (see {@link machineBusyMs}). */
export async function withMachineCpu<T extends { readonly count: number }>(
  work: () => Promise<T>,
): Promise<T & { readonly machineCpuMicros: number }> {
  const before = machineBusyMs();
  const result = await work();
  return { ...result, machineCpuMicros: perItemMicros(machineBusyMs() - before, result.count) };
}

/** VmRSS of a process in MiB, from /proc (Linux); 0 when it cannot be read. */
export function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]) / 1024;
  } catch {
    return 0;
  }
}

/** Samples the RSS of some processes every `everyMs` until stopped; `stop()` returns each one's peak. */
export function sampleRss(
  processes: readonly NodeProcess[],
  everyMs = 200,
): { stop(): Record<string, number> } {
  const peaks: Record<string, number> = {};
  const sample = (): void => {
    for (const p of processes) peaks[p.name] = Math.max(peaks[p.name] ?? 0, p.rssMiB());
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
