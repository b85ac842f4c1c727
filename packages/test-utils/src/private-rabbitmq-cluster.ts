import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptsTcp } from './accepts-tcp.js';
import { freePorts } from './free-ports.js';
import { type PrivateRabbitMq, PrivateRabbitMqNode } from './private-rabbitmq.js';
import { type NodeLayout, writeNodeFiles } from './rabbitmq-node-files.js';
import { installSafetyNet } from './safety-net.js';
import { ServiceProcess } from './service-process.js';
import { waitUntil } from './wait-until.js';

/** Options of `startPrivateRabbitMqCluster`. */
export interface PrivateRabbitMqClusterOptions {
  /** How many nodes (3 by default). */
  nodes?: number;
  /** Directory of rabbitmq-server and rabbitmqctl; default `$RABBITMQ_BIN_DIR` or `/usr/lib/rabbitmq/bin`. */
  binDir?: string;
}

/** A queue as the cluster reports it (`rabbitmqctl list_queues name type members`). */
export interface ClusterQueue {
  readonly name: string;
  readonly type: string;
  /** The nodes holding a replica (quorum queues). */
  readonly members: readonly string[];
}

/** A throw-away RabbitMQ cluster owned by one test file; each node may be killed and started again. */
export interface PrivateRabbitMqCluster {
  readonly nodes: readonly PrivateRabbitMq[];
  /** Every node's URL, comma-separated, as `AMQP_URL` takes a cluster; `rotation` starts the list at that node. */
  url(rotation?: number): string;
  /** The queues of the default vhost, asked of a running node. */
  queues(): Promise<ClusterQueue[]>;
  /** The names of the nodes running in the cluster, as a running node sees them. */
  runningNodes(): Promise<string[]>;
  /** SIGKILLs every node and the shared epmd and deletes every file. */
  destroy(): Promise<void>;
}

const defaultBinDir = process.env.RABBITMQ_BIN_DIR ?? '/usr/lib/rabbitmq/bin';

class Cluster implements PrivateRabbitMqCluster {
  constructor(
    readonly nodes: readonly PrivateRabbitMqNode[],
    private readonly cleanUp: () => Promise<void>,
  ) {}

  url(rotation = 0): string {
    const n = this.nodes.length;
    return Array.from({ length: n }, (_, i) => this.nodes[(i + rotation) % n]!.url).join(',');
  }

  private async anyRunning<T>(work: (node: PrivateRabbitMqNode) => Promise<T>): Promise<T> {
    let last: unknown;
    for (const node of this.nodes) {
      try {
        return await work(node);
      } catch (error) {
        last = error;
      }
    }
    throw last;
  }

  async queues(): Promise<ClusterQueue[]> {
    // One flat string, `name|type|member,member;` per queue: the shell prints a long term over several lines.
    const output = await this.anyRunning((node) =>
      node.evaluate(
        'lists:flatten([io_lib:format("~s|~s|~s;", [element(4, amqqueue:get_name(Q)), amqqueue:get_type(Q), ' +
          'lists:join(",", [atom_to_list(M) || M <- proplists:get_value(members, ' +
          'rabbit_amqqueue:info(Q, [members]), [])])]) || Q <- rabbit_amqqueue:list(<<"/">>)]).',
      ),
    );
    // A long string is printed as "…"\n "…" segments: join them first.
    const flat = output.replace(/"\s*\n\s*"/g, '');
    return [...flat.matchAll(/([^";|\s]+)\|(\w+)\|([^;"]*);/g)].map(([, name, type, members]) => ({
      name: name ?? '',
      type: type === 'rabbit_quorum_queue' ? 'quorum' : (type ?? ''),
      members: (members ?? '').split(',').filter((member) => member !== ''),
    }));
  }

  async runningNodes(): Promise<string[]> {
    const output = await this.anyRunning((node) => node.evaluate('rabbit_nodes:all_running().'));
    return [...output.matchAll(/'([^']+)'/g)].map(([, name]) => name ?? '');
  }

  async destroy(): Promise<void> {
    await this.cleanUp();
  }
}

/**
 * Starts a private RabbitMQ cluster (three nodes by default) on loopback: every node has its own node name,
 * AMQP and distribution ports, HOME, config and data directory, and they share one Erlang cookie and one
 * private epmd (through which they find each other) — nothing is shared with the broker on 5672. The nodes
 * boot in parallel, then every node but the first joins the first. Ended and deleted by destroy(), or by a
 * safety net if the test process ends first. Takes about one broker boot plus a few seconds.
 */
export async function startPrivateRabbitMqCluster(
  options: PrivateRabbitMqClusterOptions = {},
): Promise<PrivateRabbitMqCluster> {
  const count = options.nodes ?? 3;
  const binDir = options.binDir ?? defaultBinDir;
  const ports = await freePorts(1 + count * 2);
  const epmdPort = ports[0]!;
  const dir = await mkdtemp(join(tmpdir(), 'cf-rmqc-'));
  const cookie = randomBytes(20).toString('hex').toUpperCase();
  const tag = randomBytes(4).toString('hex');
  const layouts: NodeLayout[] = Array.from({ length: count }, (_, i) => ({
    dir: join(dir, `n${i + 1}`),
    nodeName: `cf-test-${tag}-n${i + 1}@localhost`,
    port: ports[1 + i * 2]!,
    distPort: ports[2 + i * 2]!,
    epmdPort,
    cookie,
  }));
  const safetyNet = installSafetyNet(dir, [
    ...layouts.map((layout) => ({ pidFile: join(layout.dir, 'beam.pid'), signal: 'KILL' as const })),
    { pidFile: join(dir, 'epmd.pid'), signal: 'KILL' },
  ]);
  const nodes: PrivateRabbitMqNode[] = [];
  let epmd: ServiceProcess | undefined;
  const cleanUp = async () => {
    await Promise.all(nodes.map((node) => node.destroy()));
    await epmd?.stop('SIGKILL');
    safetyNet.release();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const envs = await Promise.all(
      layouts.map(async (layout) => {
        await mkdir(layout.dir);
        return writeNodeFiles(layout);
      }),
    );
    epmd = ServiceProcess.spawn({
      file: 'epmd',
      args: ['-port', String(epmdPort), '-address', '127.0.0.1'],
      env: envs[0]!,
      cwd: dir,
      logFile: join(dir, 'epmd.log'),
      pidFile: join(dir, 'epmd.pid'),
    });
    const started = epmd;
    await waitUntil(() => acceptsTcp(epmdPort), {
      timeoutMs: 10_000,
      describeFailure: () => `private epmd did not start:\n${started.logTail()}`,
    });
    for (const [i, layout] of layouts.entries()) {
      nodes.push(new PrivateRabbitMqNode(layout, binDir, envs[i]!, undefined, undefined));
    }
    await Promise.all(nodes.map((node) => node.start()));
    const [first, ...others] = nodes;
    // What `rabbitmqctl stop_app; join_cluster <first>; start_app` does, through erl_call (no CLI VM boots).
    for (const node of others) {
      const output = await node.evaluate(
        `ok = rabbit:stop(), ok = rabbit_mnesia:join_cluster('${first!.nodeName}', disc), rabbit:start().`,
        60,
      );
      if (!output.includes('ok'))
        throw new Error(`${node.nodeName} did not join ${first!.nodeName}: ${output}`);
    }
    const cluster = new Cluster(nodes, cleanUp);
    await waitUntil(async () => (await cluster.runningNodes()).length === count, {
      timeoutMs: 30_000,
      intervalMs: 200,
      describeFailure: () => `the ${count} nodes did not form one cluster`,
    });
    return cluster;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
