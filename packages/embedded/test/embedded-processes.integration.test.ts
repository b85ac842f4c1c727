import { processContract } from '@contextflow/runtime/testing/suites';
import { inProcessTransport } from '../src/broker/in-process-transport-factory.js';
import { embeddedDatabase } from '../src/pglite/embedded-database.js';

processContract('PGlite + the in-process broker', {
  database: async () => embeddedDatabase(),
  transport: () => inProcessTransport(),
});
