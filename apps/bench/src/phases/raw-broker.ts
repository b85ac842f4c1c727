import { startNode } from '../process/node-process.js';
import { RAW_BROKER_CHILD } from '../common/paths.js';
import type { CompletionResult } from '../common/results.js';

/** Runs the raw rabbitmq-client loop in its own process and returns what it measured. */
export async function rawBrokerLoop(
  env: Readonly<Record<string, string | undefined>>,
): Promise<CompletionResult> {
  const child = startNode('raw-broker', [RAW_BROKER_CHILD], env, { ipc: true });
  try {
    const answer = await new Promise<{ result: { messages: number } & Omit<CompletionResult, 'count'> }>(
      (resolve, reject) => {
        child.child.once('message', (message) => resolve(message as never));
        child.child.once('exit', (code) =>
          reject(new Error(`the raw broker loop exited (${code}) without a result:\n${child.tail()}`)),
        );
      },
    );
    const { messages, ...rest } = answer.result;
    return { count: messages, ...rest };
  } finally {
    await child.stop();
  }
}
