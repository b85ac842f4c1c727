import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** What to start: the server binary, its environment, and where its output and pid go. */
export interface ServiceProcessOptions {
  file: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  uid?: number;
  gid?: number;
  /** stdout and stderr are appended here, so start-up failures can be reported with the log tail. */
  logFile: string;
  /** Holds the pid while the process lives, for the exit safety net (which cannot ask this object). */
  pidFile: string;
}

/** A long-running server started as a direct child, so its exit is observed and reaped by this process. */
export class ServiceProcess {
  private readonly exit: Promise<void>;
  private alive = true;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: ServiceProcessOptions,
  ) {
    this.exit = new Promise((resolve) => {
      const done = (): void => {
        if (!this.alive) return;
        this.alive = false;
        rmSync(options.pidFile, { force: true });
        resolve();
      };
      child.once('exit', done);
      child.once('error', done);
    });
    if (child.pid !== undefined) writeFileSync(options.pidFile, String(child.pid));
  }

  /** Starts the process in its own session, so a Ctrl-C in the terminal does not reach it. */
  static spawn(options: ServiceProcessOptions): ServiceProcess {
    const log = openSync(options.logFile, 'a');
    try {
      const child = spawn(options.file, options.args, {
        env: options.env,
        cwd: options.cwd,
        uid: options.uid,
        gid: options.gid,
        detached: true,
        stdio: ['ignore', log, log],
      });
      return new ServiceProcess(child, options);
    } finally {
      closeSync(log);
    }
  }

  /** True until the process has exited. */
  get running(): boolean {
    return this.alive;
  }

  /** The operating-system process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends `signal` and waits for the exit; a process still alive after `graceMs` gets SIGKILL. */
  async stop(signal: NodeJS.Signals, graceMs = 20_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill(signal);
    const escalation = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await this.exit;
    } finally {
      clearTimeout(escalation);
    }
  }

  /** The last lines of the process log, for error messages. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.options.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
