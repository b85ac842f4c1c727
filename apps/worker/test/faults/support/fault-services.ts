import {
  type PrivatePostgres,
  type PrivateRabbitMq,
  type PrivateRabbitMqCluster,
  startPrivatePostgres,
  startPrivateRabbitMq,
  startPrivateRabbitMqCluster,
} from '@contextflow/test-utils';

/** The private PostgreSQL and RabbitMQ one fault file shares between its scenarios (each has its own names). */
export interface FaultServices {
  readonly pg: PrivatePostgres;
  /** The broker; in a cluster file, the cluster's first node. */
  readonly rabbit: PrivateRabbitMq;
  /** The cluster, in a file that asked for one. */
  readonly cluster: PrivateRabbitMqCluster | undefined;
  /** `AMQP_URL` for the `rotation`-th process: the broker's, or every node's starting at a different one. */
  amqpUrl(rotation: number): string;
  destroy(): Promise<void>;
}

/** Options of {@link startFaultServices}. */
export interface FaultServicesOptions {
  /** A RabbitMQ cluster of this many nodes instead of a single broker. */
  readonly clusterNodes?: number;
}

/** Starts both private instances at once (never the shared services). */
export async function startFaultServices(options: FaultServicesOptions = {}): Promise<FaultServices> {
  const nodes = options.clusterNodes;
  const [pg, broker] = await Promise.allSettled([
    startPrivatePostgres(),
    nodes === undefined ? startPrivateRabbitMq() : startPrivateRabbitMqCluster({ nodes }),
  ]);
  if (pg.status === 'rejected' || broker.status === 'rejected') {
    if (pg.status === 'fulfilled') await pg.value.destroy();
    if (broker.status === 'fulfilled') await broker.value.destroy();
    throw pg.status === 'rejected' ? pg.reason : (broker as PromiseRejectedResult).reason;
  }
  const value = broker.value;
  const cluster = 'nodes' in value ? value : undefined;
  return {
    pg: pg.value,
    rabbit: cluster === undefined ? (value as PrivateRabbitMq) : cluster.nodes[0]!,
    cluster,
    amqpUrl: (rotation) => (cluster === undefined ? (value as PrivateRabbitMq).url : cluster.url(rotation)),
    destroy: async () => {
      await Promise.all([pg.value.destroy(), value.destroy()]);
    },
  };
}
