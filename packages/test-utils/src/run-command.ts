import { execFile } from 'node:child_process';

/** How to run a short command: its environment, working directory and (when running as root) its user. */
export interface RunCommandOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  uid?: number;
  gid?: number;
  timeoutMs?: number;
  /** Written to the command's stdin. */
  input?: string;
}

/** Runs a command to completion and resolves with its stdout; rejects with its stderr in the message. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {
        env: options.env,
        cwd: options.cwd,
        uid: options.uid,
        gid: options.gid,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}
