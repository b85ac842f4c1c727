import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A started app process whose log lines (stdout and stderr) are kept for assertions. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first log line matching, waiting up to `timeoutMs`. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  /** The whole environment of the child: nothing of the test process's leaks in unless passed here. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Open an IPC channel (structured-clone serialization) to the child. */
  readonly ipc?: boolean;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Matches the JSON log line whose message is `text`. */
export const logMessage = (text: string) => (line: string) => line.includes(`"msg":"${text}"`);

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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    waitForLine(match, timeoutMs = 30_000) {
      const found = lines.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `${name}: no matching log line within ${timeoutMs} ms; last lines:\n${lines.slice(-20).join('\n')}`,
            ),
          );
        }, timeoutMs);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(
            new Error(
              `${name} exited (${code}) before the expected line; last lines:\n${lines.slice(-20).join('\n')}`,
            ),
          );
        });
        const original = waiter.resolve;
        waiter.resolve = (line) => {
          clearTimeout(timer);
          original(line);
        };
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs a process to its end; throws with its output unless it exits 0. */
export async function runToCompletion(name: string, args: string[], options: StartProcessOptions) {
  const proc = startProcess(name, args, options);
  const code = await new Promise<number | null>((resolve) => proc.child.once('exit', resolve));
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${proc.lines.join('\n')}`);
  return proc.lines;
}
