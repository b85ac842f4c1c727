import { createLogger } from '@contextflow/core-infra';
import { createTestDatabase } from '../testing/create-test-database.js';
import { databaseContract } from '../testing/suites/database-contract.js';
import { postgresDatabase } from './postgres-database.js';

databaseContract('PostgreSQL (postgresDatabase)', {
  open: async () => {
    const test = await createTestDatabase();
    const database = await postgresDatabase({ url: test.url }).open({
      logger: createLogger({ level: 'silent' }),
    });
    return {
      database,
      drop: async () => {
        await database.close();
        await test.drop();
      },
    };
  },
});
