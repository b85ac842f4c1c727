import { type ChildProcess, spawn } from 'node:child_process';

/** A child process of the fault suite whose log lines are kept, and which the scenario may kill or freeze. */
export interface AppProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first log line matching, waiting up to `timeoutMs`. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Sends `signal` (SIGKILL, SIGSTOP, SIGCONT, ...). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | string | null>;
  /** SIGTERM (SIGCONT first, should it be frozen), then the exit. */
  stop(): Promise<number | string | null>;
}

/** Lines whose JSON `msg` equals `text`. */
export const logMessage =
  (text: string) =>
  (line: string): boolean =>
    line.includes(`"msg":"${text}"`);

/** Spawns `node <args>` with `env` added to this process's environment (copied from the e2e harness). */
export function startProcess(name: string, args: string[], env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
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
    async stop() {
      if (alive()) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}
