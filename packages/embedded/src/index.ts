export { inProcessTransport } from './broker/in-process-transport-factory.js';
export { InProcessTransport } from './broker/in-process-transport.js';
export {
  createEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './pglite/create-embedded-database.js';
export { type EmbeddedDatabaseFactoryOptions, embeddedDatabase } from './pglite/embedded-database.js';
