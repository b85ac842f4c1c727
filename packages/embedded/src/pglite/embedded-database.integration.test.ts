import { createLogger } from '@contextflow/core-infra';
import { databaseContract } from '@contextflow/runtime/testing/suites';
import { embeddedDatabase } from './embedded-database.js';

databaseContract('PGlite (embeddedDatabase)', {
  open: async () => {
    const database = await embeddedDatabase().open({ logger: createLogger({ level: 'silent' }) });
    return { database, drop: () => database.close() };
  },
});
