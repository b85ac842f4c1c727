import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptsAmqp } from './amqp-handshake.js';
import { acceptsTcp } from './accepts-tcp.js';
import { freePorts } from './free-ports.js';
import { runCommand } from './run-command.js';
import { type NodeLayout, writeNodeFiles } from './rabbitmq-node-files.js';
import { installSafetyNet, type SafetyNet } from './safety-net.js';
import { ServiceProcess } from './service-process.js';
import { evaluateOnNode, syncNodeMetadata } from './sync-node-metadata.js';
import { waitUntil } from './wait-until.js';

/** Options of `startPrivateRabbitMq`. */
export interface PrivateRabbitMqOptions {
  /** AMQP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Directory of rabbitmq-server and rabbitmqctl; default `$RABBITMQ_BIN_DIR` or `/usr/lib/rabbitmq/bin`. */
  binDir?: string;
}

/** A throw-away single-node RabbitMQ broker owned by one test file, which it may stop, kill and restart. */
export interface PrivateRabbitMq {
  /** `amqp://guest:guest@127.0.0.1:<port>` (guest may log in because the connection is from loopback). */
  readonly url: string;
  readonly port: number;
  /** The Erlang node name, `cf-test-<random>@localhost`. */
  readonly nodeName: string;
  /** The node's directory (HOME, config, data, logs); the VM's command line contains it: `pgrep -f <dataDir>`. */
  readonly dataDir: string;
  /** The port of the node's private epmd (its command line reads `epmd -port <epmdPort>`). */
  readonly epmdPort: number;
  /** Stops the RabbitMQ application but not the Erlang VM (`rabbitmqctl stop_app`): clients are disconnected. */
  stopApp(): Promise<void>;
  /** Starts the application again (`rabbitmqctl start_app`); resolves once it is booted. */
  startApp(): Promise<void>;
  /**
   * SIGKILLs the Erlang VM (`kill -9`): no shutdown of any kind, as in a crash or OOM kill. First, unless
   * `syncMetadata` is false, the node's DETS tables are flushed (≈ 50 ms): RabbitMQ 3.10 saves Ra's server
   * directory only every 3 minutes, and a quorum queue declared more recently than that would otherwise never
   * get a leader again on a single node — a long-running broker's state, not a younger one's, is what the
   * tests are about. Messages, queue contents and connections are untouched by the flush.
   */
  kill(options?: { syncMetadata?: boolean }): Promise<void>;
  /** Graceful shutdown of the whole node (SIGTERM). */
  stop(): Promise<void>;
  /** Starts the node again on the same data directory (durable queues and persistent messages survive). */
  start(): Promise<void>;
  /** SIGKILLs the node and its private epmd and deletes every file of the node. */
  destroy(): Promise<void>;
}

const defaultBinDir = process.env.RABBITMQ_BIN_DIR ?? '/usr/lib/rabbitmq/bin';

/** One node; the single-node broker owns its epmd and safety net, a cluster's nodes share the cluster's. */
export class PrivateRabbitMqNode implements PrivateRabbitMq {
  readonly url: string;
  readonly port: number;
  readonly nodeName: string;
  readonly dataDir: string;
  readonly epmdPort: number;
  private beam: ServiceProcess | undefined;

  constructor(
    layout: NodeLayout,
    private readonly binDir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly epmd: ServiceProcess | undefined,
    private readonly safetyNet: SafetyNet | undefined,
  ) {
    this.url = `amqp://guest:guest@127.0.0.1:${layout.port}`;
    this.port = layout.port;
    this.nodeName = layout.nodeName;
    this.dataDir = layout.dir;
    this.epmdPort = layout.epmdPort;
  }

  async start(): Promise<void> {
    if (this.beam?.running) return;
    // RABBITMQ_ALLOW_INPUT makes the script exec the VM, so the child we hold IS the beam process.
    const beam = ServiceProcess.spawn({
      file: join(this.binDir, 'rabbitmq-server'),
      args: [],
      env: this.env,
      cwd: this.dataDir,
      logFile: join(this.dataDir, 'server.log'),
      pidFile: join(this.dataDir, 'beam.pid'),
    });
    this.beam = beam;
    // Polling the AMQP port is quicker than `rabbitmqctl await_startup`, which re-checks only every 10 s.
    await waitUntil(
      async () => {
        if (!beam.running) throw new Error(`private RabbitMQ exited during start-up:\n${beam.logTail()}`);
        return acceptsAmqp(this.port);
      },
      {
        timeoutMs: 60_000,
        intervalMs: 100,
        describeFailure: () => `private RabbitMQ did not start:\n${beam.logTail()}`,
      },
    );
  }

  async stopApp(): Promise<void> {
    await this.rabbitmqctl('stop_app');
  }

  async startApp(): Promise<void> {
    await this.rabbitmqctl('start_app');
  }

  async kill(options: { syncMetadata?: boolean } = {}): Promise<void> {
    if (!this.beam?.running) return;
    if (options.syncMetadata ?? true) await syncNodeMetadata(this.nodeName, this.env, this.dataDir);
    await this.beam.stop('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.beam?.stop('SIGTERM', 30_000);
  }

  async destroy(): Promise<void> {
    // No graceful stop: the data is deleted anyway, and SIGKILL saves seconds per test file.
    await this.beam?.stop('SIGKILL');
    await this.epmd?.stop('SIGKILL');
    this.safetyNet?.release();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** Runs `rabbitmqctl -n <node> <args>` and resolves with its output. */
  async rabbitmqctl(...args: string[]): Promise<string> {
    return runCommand(join(this.binDir, 'rabbitmqctl'), ['-n', this.nodeName, ...args], {
      env: this.env,
      cwd: this.dataDir,
    });
  }

  /** Evaluates Erlang `expression` on the node (erl_call: milliseconds, where rabbitmqctl boots a VM). */
  async evaluate(expression: string, timeoutSeconds = 10): Promise<string> {
    return evaluateOnNode(this.nodeName, this.env, this.dataDir, expression, timeoutSeconds);
  }
}

/**
 * Starts a private RabbitMQ node: its own node name, Erlang cookie, HOME, config, (empty) plugin list, data and
 * log directories, AMQP and distribution ports, and its own epmd — it shares nothing with the broker on 5672.
 * Uses the scripts in the RabbitMQ bin directory directly (the /usr/sbin wrappers switch user and cookie).
 * Takes about as long as a broker boot (≈ 7–12 s): start one per test file. Its processes are ended and its
 * files deleted on destroy(), and by a safety net if the test process ends first.
 */
export async function startPrivateRabbitMq(options: PrivateRabbitMqOptions = {}): Promise<PrivateRabbitMq> {
  const binDir = options.binDir ?? defaultBinDir;
  const ports = await freePorts(3);
  const dir = await mkdtemp(join(tmpdir(), 'cf-rmq-'));
  const layout: NodeLayout = {
    dir,
    nodeName: `cf-test-${randomBytes(5).toString('hex')}@localhost`,
    port: options.port ?? ports[0]!,
    distPort: ports[1]!,
    epmdPort: ports[2]!,
  };
  const safetyNet = installSafetyNet(dir, [
    { pidFile: join(dir, 'beam.pid'), signal: 'KILL' },
    { pidFile: join(dir, 'epmd.pid'), signal: 'KILL' },
  ]);
  let node: PrivateRabbitMqNode | undefined;
  try {
    const env = await writeNodeFiles(layout);
    const epmd = ServiceProcess.spawn({
      file: 'epmd',
      args: ['-port', String(layout.epmdPort), '-address', '127.0.0.1'],
      env,
      cwd: dir,
      logFile: join(dir, 'epmd.log'),
      pidFile: join(dir, 'epmd.pid'),
    });
    node = new PrivateRabbitMqNode(layout, binDir, env, epmd, safetyNet);
    // The VM would otherwise start a daemon epmd of its own that outlives it.
    await waitUntil(() => acceptsTcp(layout.epmdPort), {
      timeoutMs: 10_000,
      describeFailure: () => `private epmd did not start:\n${epmd.logTail()}`,
    });
    await node.start();
    return node;
  } catch (error) {
    if (node) await node.destroy();
    else {
      safetyNet.release();
      await rm(dir, { recursive: true, force: true });
    }
    throw error;
  }
}
