export { type DatabaseHarness, databaseContract } from './database-contract.js';
export { type TransportHarness, transportContract } from './transport-contract.js';
export { type ProcessHarness, processContract } from './process-contract.js';
