export { ConfigError } from './config-error.js';
export { type AppConfig, loadConfig, tracingOf } from './load-config.js';
export { oneOf, optionalText, optionalUrl, wholeNumber } from './env-fields.js';
