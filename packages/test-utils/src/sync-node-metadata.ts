import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.js';

const erlangRoot = process.env.ERLANG_ROOT ?? '/usr/lib/erlang';

/** Finds erl_call, a small C client that reaches a node in milliseconds (rabbitmqctl boots a VM: ~2 s). */
function erlCallPath(): string {
  const erts = readdirSync(erlangRoot).find((entry) => entry.startsWith('erts-'));
  const path = erts === undefined ? undefined : join(erlangRoot, erts, 'bin', 'erl_call');
  if (path === undefined || !existsSync(path))
    throw new Error(`erl_call not found under ${erlangRoot}/erts-*/bin`);
  return path;
}

/**
 * Flushes the node's DETS tables to disk. Ra (quorum queues) keeps its server directory in DETS, saved every
 * 3 minutes; a node SIGKILLed sooner after a quorum queue was declared restarts without that entry, and on a
 * single node the queue then never elects a leader. Real brokers have usually run longer than 3 minutes.
 */
export async function syncNodeMetadata(nodeName: string, env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  const output = await evaluateOnNode(nodeName, env, cwd, '[dets:sync(Table) || Table <- dets:all()].');
  if (output.includes('error')) throw new Error(`could not sync the metadata of ${nodeName}: ${output}`);
}

/** Evaluates Erlang `expression` (ending in a full stop) on the node with erl_call; resolves with its output. */
export function evaluateOnNode(
  nodeName: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  expression: string,
  timeoutSeconds = 10,
): Promise<string> {
  return runCommand(erlCallPath(), ['-sname', nodeName, '-timeout', String(timeoutSeconds), '-e'], {
    env,
    cwd,
    input: `${expression}\n`,
    timeoutMs: (timeoutSeconds + 5) * 1000,
  });
}
