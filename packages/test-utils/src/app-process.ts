import { type ChildProcess, spawn } from 'node:child_process';

/** A child Node process of a test (an app, a worker) whose log lines are kept, and which a test may signal. */
export interface AppProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Every line it wrote so far, stdout and stderr interleaved as they arrived. */
  readonly lines: string[];
  /** Resolves with the first log line matching, waiting up to `timeoutMs`; rejects if the process exits first. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Sends `signal` (SIGKILL, SIGSTOP, SIGCONT, ...) unless the process is gone. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code, or the signal that ended it, once the process is gone. */
  readonly exited: Promise<number | string | null>;
  /** SIGCONT (should it be frozen), SIGTERM, SIGKILL after `killAfterMs` (10 s); resolves like `exited`. */
  stop(killAfterMs?: number): Promise<number | string | null>;
}

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  /** The whole environment of the child: nothing of the test process's leaks in unless passed here. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Open an IPC channel (structured-clone serialization) to the child. */
  readonly ipc?: boolean;
}

/** Matches the JSON log line whose message is `text`. */
export const logMessage =
  (text: string) =>
  (line: string): boolean =>
    line.includes(`"msg":"${text}"`);

/** Runs `node <args>` with the current Node binary and keeps its output line by line. */
export function startProcess(name: string, args: string[], options: StartProcessOptions): AppProcess {
  const child = spawn(process.execPath, args, {
    env: options.env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc === true ? (['ipc'] as const) : [])],
    ...(options.ipc === true ? { serialization: 'advanced' as const } : {}),
  });
  const lines: string[] = [];
  const waiters = new Set<{ match: (line: string) => boolean; resolve: (line: string) => void }>();
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiters) {
        if (waiter.match(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
      newline = buffer.indexOf('\n');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const tail = () => lines.slice(-20).join('\n');
  return {
    name,
    child,
    lines,
    exited,
    waitForLine(match, timeoutMs = 30_000) {
      const found = lines.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: no matching log line within ${timeoutMs} ms; last lines:\n${tail()}`));
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(new Error(`${name} exited (${code}) before the expected line; last lines:\n${tail()}`));
        });
      });
    },
    signal(signal) {
      if (alive()) child.kill(signal);
    },
    async stop(killAfterMs = 10_000) {
      if (alive()) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}

/** Runs a process to its end; resolves with its lines, throws with its output unless it exits 0. */
export async function runToCompletion(
  name: string,
  args: string[],
  options: StartProcessOptions,
): Promise<string[]> {
  const proc = startProcess(name, args, options);
  const code = await proc.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${proc.lines.join('\n')}`);
  return proc.lines;
}
