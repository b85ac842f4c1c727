import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A Node child process of the bench: its log is scanned for markers, then only its tail is kept. */
export interface NodeProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** When `spawn` was called (performance.now()). */
  readonly startedAt: number;
  /** Resolves with the time (performance.now()) the first log line containing `text` arrived. */
  waitFor(text: string, timeoutMs?: number): Promise<number>;
  /** The resident set size now, in MiB (0 once exited). */
  rssMiB(): number;
  /** The last log lines, for error messages. */
  tail(): string;
  /** SIGTERM, then the exit code; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

const TAIL = 40;

/** Starts `node <args>` with exactly `env` (nothing of the bench's environment leaks in unless passed). */
export function startNode(
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: { ipc?: boolean } = {},
): NodeProcess {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc === true ? (['ipc'] as const) : [])],
  });
  const lines: string[] = [];
  const waiters = new Set<{ text: string; resolve: (at: number) => void }>();
  let buffer = '';
  const onData = (chunk: Buffer): void => {
    const at = performance.now();
    buffer += chunk.toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      if (lines.length > TAIL) lines.shift();
      for (const waiter of waiters) {
        if (line.includes(waiter.text)) {
          waiters.delete(waiter);
          waiter.resolve(at);
        }
      }
      newline = buffer.indexOf('\n');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    startedAt,
    waitFor(text, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: no "${text}" within ${timeoutMs} ms; last lines:\n${lines.join('\n')}`));
        }, timeoutMs);
        const waiter = {
          text,
          resolve: (at: number) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.delete(waiter)) return;
          clearTimeout(timer);
          reject(new Error(`${name} exited (${code}) before "${text}"; last lines:\n${lines.join('\n')}`));
        });
      });
    },
    rssMiB() {
      return child.pid === undefined || child.exitCode !== null ? 0 : rssOf(child.pid);
    },
    tail: () => lines.join('\n'),
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
