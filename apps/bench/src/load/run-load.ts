import { startNode } from '../process/node-process.js';
import { LOAD_CHILD } from '../common/paths.js';
import type { LoadResult } from '../common/results.js';
import type { LoadSpec } from './load-spec.js';

/** Runs one load phase in a fresh load-generator process and returns its measured result. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = startNode('load', [LOAD_CHILD], { PATH: process.env.PATH }, { ipc: true });
  try {
    const answer = await new Promise<{ result?: LoadResult; error?: string }>((resolve, reject) => {
      child.child.once('message', (message) => resolve(message as { result?: LoadResult; error?: string }));
      child.child.once('exit', (code) =>
        reject(new Error(`the load generator exited (${code}) without a result:\n${child.tail()}`)),
      );
      child.child.send(spec);
    });
    if (answer.result === undefined) throw new Error(`the load generator failed: ${answer.error}`);
    return answer.result;
  } finally {
    await child.stop();
  }
}
