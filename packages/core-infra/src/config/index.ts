export { ConfigError } from './config-error.js';
export { oneOf, optionalText, optionalUrl, wholeNumber } from './env-fields.js';
