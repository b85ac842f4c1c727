import { postgresDatabase } from '../database/postgres-database.js';
import { rabbitMqTransport } from '../rabbitmq/rabbitmq-transport-factory.js';
import { createTestDatabase, removeTopology, type TestDatabase, testAmqpUrl } from '../testing/index.js';
import { processContract } from '../testing/suites/process-contract.js';

let database: TestDatabase | undefined;

processContract('PostgreSQL + RabbitMQ', {
  database: async () => {
    database = await createTestDatabase();
    return postgresDatabase({ url: database.url });
  },
  transport: () => rabbitMqTransport({ url: testAmqpUrl() }),
  cleanUp: async (topology) => {
    await removeTopology(topology);
    await database?.drop();
  },
});
