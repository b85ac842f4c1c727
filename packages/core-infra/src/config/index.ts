export { ConfigError } from './config-error.js';
export { type AppConfig, loadConfig } from './load-config.js';
