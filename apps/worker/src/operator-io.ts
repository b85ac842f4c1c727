/** Where an operator command writes: results to `out` (stdout), progress and errors to `err` (stderr). */
export interface OperatorIo {
  out(line: string): void;
  err(line: string): void;
}

/** The process's stdout and stderr. */
export const processIo: OperatorIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/**
 * Reports `<label> done/total` on stderr for a long operation: every 100 items and at the end, so a log
 * stays readable and a terminal still sees it move.
 */
export function progressReporter(io: OperatorIo, label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (done % 100 === 0 || done === total) io.err(`${label} ${done}/${total}`);
  };
}
