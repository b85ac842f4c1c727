import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where one private RabbitMQ node lives: its directory, name and ports. */
export interface NodeLayout {
  dir: string;
  nodeName: string;
  port: number;
  distPort: number;
  epmdPort: number;
  /** The Erlang cookie (the nodes of a cluster share one); a random one when absent. */
  cookie?: string;
}

/** Writes the node's cookie, config and plugin list, and returns the environment its scripts run with. */
export async function writeNodeFiles({
  dir,
  nodeName,
  port,
  distPort,
  epmdPort,
  cookie,
}: NodeLayout): Promise<NodeJS.ProcessEnv> {
  const home = join(dir, 'home');
  await mkdir(home);
  await writeFile(join(home, '.erlang.cookie'), cookie ?? randomBytes(20).toString('hex').toUpperCase(), {
    mode: 0o400,
  });
  await writeFile(join(dir, 'rabbitmq-env.conf'), '');
  await writeFile(join(dir, 'enabled_plugins'), '[].\n');
  await writeFile(
    join(dir, 'rabbitmq.conf'),
    [`listeners.tcp.default = 127.0.0.1:${port}`, 'loopback_users.guest = true', ''].join('\n'),
  );
  // A fresh environment rather than process.env: nothing of the shared broker's settings may leak in.
  return {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_ALLOW_INPUT: 'true',
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-noinput -noshell -kernel inet_dist_use_interface {127,0,0,1}',
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_CRASH_DUMP_SECONDS: '0',
  };
}
