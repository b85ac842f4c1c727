import {
  type PrivatePostgres,
  type PrivateRabbitMq,
  startPrivatePostgres,
  startPrivateRabbitMq,
} from '@contextflow/test-utils';

/** The private PostgreSQL and RabbitMQ one fault file shares between its scenarios (each has its own names). */
export interface FaultServices {
  readonly pg: PrivatePostgres;
  readonly rabbit: PrivateRabbitMq;
  destroy(): Promise<void>;
}

/** Starts both private instances at once (never the shared services). */
export async function startFaultServices(): Promise<FaultServices> {
  const [pg, rabbit] = await Promise.allSettled([startPrivatePostgres(), startPrivateRabbitMq()]);
  if (pg.status === 'rejected' || rabbit.status === 'rejected') {
    if (pg.status === 'fulfilled') await pg.value.destroy();
    if (rabbit.status === 'fulfilled') await rabbit.value.destroy();
    throw pg.status === 'rejected' ? pg.reason : (rabbit as PromiseRejectedResult).reason;
  }
  return {
    pg: pg.value,
    rabbit: rabbit.value,
    destroy: async () => {
      await Promise.all([pg.value.destroy(), rabbit.value.destroy()]);
    },
  };
}
