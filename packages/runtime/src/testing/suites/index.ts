export { type DatabaseHarness, databaseContract } from './database-contract.js';
export { type TransportHarness, transportContract } from './transport-contract.js';
